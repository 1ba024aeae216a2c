import { z } from 'zod';
import type { DeskItem } from '../../publicdesk/model';
import { TEMPLATE_LIMITS, unknownPlaceholders, type DeskTemplate, type ReplyPlatform } from '../../publicdesk/templates';
import { mutation, query } from '../define';
import { empty, idInput, uuid } from './common';

/**
 * The public desk, continued (issue 14): who an item is assigned to and who heads the desk (the
 * deadline reminders go to them), and the office's reply templates.
 */
const assignInput = z.object({ id: uuid, assigneeId: uuid.nullable() }).strict();
const headInput = z.object({ headId: uuid.nullable() }).strict();

const templateSave = z
  .object({
    id: uuid.nullable().default(null),
    name: z.string().trim().min(1, { message: 'Nama templat wajib diisi' }).max(TEMPLATE_LIMITS.name, { message: `Nama templat: maksimal ${TEMPLATE_LIMITS.name} karakter` }),
    body: z
      .string()
      .trim()
      .min(1, { message: 'Isi templat wajib diisi' })
      .max(TEMPLATE_LIMITS.body, { message: `Isi templat: maksimal ${TEMPLATE_LIMITS.body} karakter` })
      .superRefine((v, c) => {
        const unknown = unknownPlaceholders(v);
        if (unknown.length) c.addIssue({ code: 'custom', message: `Isian tidak dikenal: ${unknown.join(', ')}. Yang tersedia: {nama}, {nomor}, {tiket}, {opd}, {hari}, {tenggat}, {kategori}, {lokasi}` });
      }),
  })
  .strict();
const fillInput = z.object({ templateId: uuid, itemId: uuid }).strict();

export interface DeskStaff {
  /** Accounts that may work the desk (their roles hold publicdesk.manage). */
  staff: { id: string; name: string }[];
  headId: string | null;
}

export interface FilledReply {
  text: string;
  length: number;
  /** Platforms whose length limit the text exceeds. */
  exceeded: ReplyPlatform[];
}

export const publicdeskReplyMethods = {
  'publicdesk.assign': mutation<typeof assignInput, DeskItem>('publicdesk.manage', assignInput),
  'publicdesk.staff': query<typeof empty, DeskStaff>('publicdesk.manage', empty),
  'publicdesk.head.save': mutation<typeof headInput, DeskStaff>('publicdesk.manage', headInput),
  'publicdesk.templates.list': query<typeof empty, DeskTemplate[]>('publicdesk.manage', empty),
  'publicdesk.templates.save': mutation<typeof templateSave, DeskTemplate>('publicdesk.manage', templateSave),
  'publicdesk.templates.delete': mutation<typeof idInput, { id: string }>('publicdesk.manage', idInput),
  'publicdesk.templates.fill': query<typeof fillInput, FilledReply>('publicdesk.manage', fillInput),
};
