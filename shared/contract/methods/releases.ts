import { z } from 'zod';
import {
  EXPORT_FORMATS,
  PAPER_SIZES,
  RELEASE_STATUSES,
  releaseFieldsSchema,
  type ExportedFile,
  type ReleaseDetail,
  type ReleaseFields,
  type ReleaseSummary,
  type ReleaseVersionDetail,
  type ReleaseVersionSummary,
} from '../../releases/model';
import { mutation, query } from '../define';
import { empty, sha256, uuid } from './common';

const releaseId = z.object({ id: uuid }).strict();
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal tidak sah' });

const listInput = z
  .object({
    query: z.string().max(200, { message: 'Kata pencarian maksimal 200 karakter' }).default(''),
    statuses: z.array(z.enum(RELEASE_STATUSES)).max(5).default([]),
    from: dateOnly.nullable().default(null),
    to: dateOnly.nullable().default(null),
    opdId: z.string().max(36).nullable().default(null),
    tag: z.string().max(60).nullable().default(null),
    writer: z.string().max(120).nullable().default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(50),
  })
  .strict();

// The title limit is checked by the handler (a clear 'invalid_input' with the limit), not cut by zod.
const createInput = z
  .object({
    title: z.string().default(''),
    eventId: z.string().max(64).nullable().default(null),
    eventEndAt: z.string().max(30).nullable().default(null),
    opdId: z.string().max(36).nullable().default(null),
  })
  .strict();

const updateInput = z
  .object({
    id: uuid,
    // Title is validated in the handler so a 10,000-character paste gets a message, not a cut.
    fields: releaseFieldsSchema.omit({ title: true }).partial().extend({ title: z.string().optional() }).strict(),
  })
  .strict();

const appendBodyInput = z
  .object({
    id: uuid,
    // A Yjs update in base64; the size is checked in the handler (typed payload_too_large).
    update: z.string().min(1),
  })
  .strict();

const transitionInput = z
  .object({
    id: uuid,
    to: z.enum(RELEASE_STATUSES),
    note: z.string().trim().max(2000).default(''),
  })
  .strict();

const commentInput = z.object({ id: uuid, body: z.string().trim().min(1, { message: 'Komentar kosong' }).max(4000) }).strict();
const snapshotInput = z.object({ id: uuid, label: z.string().trim().max(200).default('') }).strict();
const versionId = z.object({ versionId: uuid }).strict();
const exportInput = z.object({ id: uuid, format: z.enum(EXPORT_FORMATS), paper: z.enum(PAPER_SIZES).default('A4') }).strict();
const putPhotoInput = z.object({ fileName: z.string().max(260).default(''), base64: z.string() }).strict();
const photoInput = z.object({ hash: sha256 }).strict();
const importHtmlInput = z.object({ id: uuid, html: z.string() }).strict();
const settingsInput = z.object({ targetMinutes: z.number().int().min(5).max(24 * 60) }).strict();

export interface PhotoStored {
  hash: string;
  thumb: string;
  mime: string;
  width: number;
  height: number;
  size: number;
}

export interface ReleaseSettings {
  targetMinutes: number;
}

export const releasesMethods = {
  /** `total` is exact, or COUNT_CAP with `capped` when a search matches more. */
  'releases.list': query<typeof listInput, { items: ReleaseSummary[]; total: number; capped: boolean }>('releases.read.public', listInput),
  'releases.get': query<typeof releaseId, ReleaseDetail>('releases.read.public', releaseId),
  'releases.create': mutation<typeof createInput, ReleaseDetail>('releases.write', createInput),
  'releases.update': mutation<typeof updateInput, ReleaseFields & { updatedAt: string }>('releases.write', updateInput),
  'releases.appendBody': mutation<typeof appendBodyInput, { updateCount: number; wordCount: number }>('releases.write', appendBodyInput),
  'releases.importHtml': mutation<typeof importHtmlInput, ReleaseDetail>('releases.write', importHtmlInput),
  // The method needs the least of the transition permissions; the handler checks the one of
  // the transition asked for (shared/releases/workflow.ts), in one place.
  'releases.transition': mutation<typeof transitionInput, ReleaseDetail>('releases.write', transitionInput),
  'releases.renumber': mutation<typeof releaseId, ReleaseDetail>('releases.review', releaseId),
  'releases.comment': mutation<typeof commentInput, ReleaseDetail>('releases.write', commentInput),
  'releases.versions': query<typeof releaseId, ReleaseVersionSummary[]>('releases.read', releaseId),
  'releases.version': query<typeof versionId, ReleaseVersionDetail>('releases.read', versionId),
  'releases.snapshot': mutation<typeof snapshotInput, ReleaseVersionSummary>('releases.write', snapshotInput),
  'releases.restoreVersion': mutation<typeof versionId, ReleaseDetail>('releases.write', versionId),
  'releases.export': query<typeof exportInput, ExportedFile>('releases.read.public', exportInput),
  'releases.putPhoto': mutation<typeof putPhotoInput, PhotoStored>('releases.write', putPhotoInput),
  'releases.photo': query<typeof photoInput, { dataUrl: string; mime: string }>('releases.read.public', photoInput),
  'releases.settings': query<typeof empty, ReleaseSettings>('releases.read', empty),
  'releases.saveSettings': mutation<typeof settingsInput, ReleaseSettings>('releases.review', settingsInput),
};
