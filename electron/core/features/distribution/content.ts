import sharp from 'sharp';
import { WartaError } from '../../../../shared/contract/errors';
import type { AttachmentInfo, AttachmentKind } from '../../../../shared/distribution/model';
import { photosOf } from '../../../../shared/releases/body-text';
import { composeHtml, composePlainText, composeWhatsApp } from '../../../../shared/releases/compose';
import { embargoLine, isEmbargoed } from '../../../../shared/releases/embargo';
import type { PaperSize, ReleaseStatus } from '../../../../shared/releases/model';
import type { CoreContext } from '../../rpc/handler-types';
import { sniffImage } from '../attachments/image-sniff';
import { exportFile, prepareRelease } from '../releases/exports';

/** What a message is made of, for one release at one moment. */
export interface ReleaseContent {
  title: string;
  status: ReleaseStatus;
  /** The embargo line while the embargo runs, else null. */
  embargoNotice: string | null;
  embargoAt: string | null;
  text: string;
  /** HTML; attached photos are referenced as `cid:<hash>`. */
  html: string;
  whatsapp: string;
}

export function releaseStatus(ctx: CoreContext, releaseId: string): { status: ReleaseStatus; urgency: string | null; embargoAt: string | null; embargoZone: string | null } | null {
  const row = ctx.db.prepare('SELECT status, urgency, embargo_at, embargo_zone FROM releases WHERE id = ? AND deleted_at IS NULL').get(releaseId) as
    | { status: string | null; urgency: string | null; embargo_at: string | null; embargo_zone: string | null }
    | undefined;
  if (!row) return null;
  return { status: (row.status ?? 'draft') as ReleaseStatus, urgency: row.urgency, embargoAt: row.embargo_at, embargoZone: row.embargo_zone };
}

/**
 * A release may go out once it is published, or while approved with an embargo still running
 * (embargo-trusted recipients get it now, everyone else at the embargo time). The embargo
 * time is the release moment the editor approved: an approved release whose embargo passed
 * goes to everyone even before someone presses "Terbitkan" in Warta, so an officer in the
 * field need not be online at that minute.
 */
export function sendable(s: { status: ReleaseStatus; urgency: string | null; embargoAt: string | null }): boolean {
  return s.status === 'published' || (s.status === 'approved' && s.urgency === 'embargo' && s.embargoAt !== null);
}

/** `inline`: hashes of photos attached to the message, shown inside the HTML by content id. */
/** The WhatsApp text alone (records and links need nothing else). */
export function releaseWhatsApp(ctx: CoreContext, releaseId: string): string {
  return composeWhatsApp(prepareRelease(ctx, releaseId));
}

export function releaseContent(ctx: CoreContext, releaseId: string, inline: ReadonlySet<string> = new Set()): ReleaseContent {
  const r = prepareRelease(ctx, releaseId);
  const status = releaseStatus(ctx, releaseId);
  const embargoed = isEmbargoed(r.fields, ctx.now());
  return {
    title: r.fields.title,
    status: status?.status ?? 'draft',
    embargoNotice: embargoed && r.fields.embargoAt ? embargoLine(r.fields.embargoAt, r.fields.embargoZone ?? r.zone) : null,
    embargoAt: r.fields.urgency === 'embargo' ? r.fields.embargoAt : null,
    text: composePlainText(r),
    html: composeHtml(r, { photoSrc: (p) => (inline.has(p.hash) ? `cid:${p.hash}` : null) }),
    whatsapp: composeWhatsApp(r),
  };
}

/**
 * The attachments as they must go out now: an export made while the embargo ran carries the
 * EMBARGO line, so a message sent after the embargo (the outbox's waiting recipients) gets a
 * fresh copy, which is a normal release.
 */
export async function currentAttachments(ctx: CoreContext, releaseId: string, list: readonly AttachmentInfo[], embargoedNow: boolean): Promise<AttachmentInfo[]> {
  if (embargoedNow || !list.some((a) => a.embargoed && a.kind && a.kind !== 'photos')) return [...list];
  const out: AttachmentInfo[] = [];
  for (const a of list) {
    if (!a.embargoed || !a.kind || a.kind === 'photos') {
      out.push(a);
      continue;
    }
    const f = await exportFile(ctx, releaseId, a.kind, a.paper ?? 'A4');
    const { hash, size } = ctx.blobs.put(f.data);
    out.push({ ...a, fileName: f.fileName, bytes: size, hash, embargoed: false });
  }
  return out;
}

const MIME_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/**
 * Builds the chosen attachments once, into the content-addressed blob store (the sender reads
 * them from there, so a restart does not rebuild them), and checks the size limit.
 */
export async function buildAttachments(
  ctx: CoreContext,
  releaseId: string,
  kinds: readonly AttachmentKind[],
  opts: { paper: PaperSize; photoMaxPx: number; limitBytes: number },
): Promise<AttachmentInfo[]> {
  const out: AttachmentInfo[] = [];
  for (const kind of new Set(kinds)) {
    if (kind === 'photos') {
      const r = prepareRelease(ctx, releaseId);
      let n = 0;
      for (const p of photosOf(r.body)) {
        const data = r.photos.get(p.hash);
        if (!data) continue;
        n += 1;
        const png = sniffImage(data) === 'image/png';
        const img = sharp(data).rotate().resize({ width: opts.photoMaxPx, height: opts.photoMaxPx, fit: 'inside', withoutEnlargement: true });
        const resized = png ? await img.png().toBuffer() : await img.jpeg({ quality: 85 }).toBuffer();
        const mime = png ? 'image/png' : 'image/jpeg';
        const { hash, size } = ctx.blobs.put(resized);
        // The original's hash is the content id the HTML body points at (`cid:<hash>`).
        out.push({ fileName: `${r.slug}-foto-${n}.${MIME_EXT[mime]}`, mime, bytes: size, hash, cid: p.hash });
      }
    } else {
      const f = await exportFile(ctx, releaseId, kind, opts.paper);
      const { hash, size } = ctx.blobs.put(f.data);
      const state = releaseStatus(ctx, releaseId);
      out.push({ fileName: f.fileName, mime: f.mime, bytes: size, hash, cid: null, kind, paper: opts.paper, embargoed: !!state && isEmbargoed(state, ctx.now()) });
    }
  }
  const total = out.reduce((a, f) => a + f.bytes, 0);
  if (total > opts.limitBytes) {
    const mb = (b: number) => (b / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 });
    throw new WartaError('payload_too_large', `Lampiran ${mb(total)} MB melebihi batas ${mb(opts.limitBytes)} MB per pesan. Kurangi lampiran, kecilkan ukuran foto, atau naikkan batas di Pengaturan email.`, {
      size: total,
      limit: opts.limitBytes,
    });
  }
  return out;
}
