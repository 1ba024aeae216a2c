/**
 * Exports of a release, built by the core under plain Node: PDF (pdfkit) and DOCX (docx) on
 * the office letterhead in A4 or F4, HTML, plain text, WhatsApp text, and a press-kit ZIP.
 * Files travel back as base64 (the renderer turns them into a download; the Electron shell
 * can save them with a dialog later). Long exports emit `progress` events.
 */
import crypto from 'node:crypto';
import JSZip from 'jszip';
import { AlignmentType, ExternalHyperlink, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { WartaError } from '../../../../shared/contract/errors';
import { photoCaptionLine, photosOf, type PhotoRef, type PmNode } from '../../../../shared/releases/body-text';
import {
  bodyOf,
  closingLines,
  composeHtml,
  composePlainText,
  composeWhatsApp,
  contactLines,
  dateLineOf,
  numberLineOf,
  quoteLine,
  urgencyLineOf,
  type ReleaseForExport,
} from '../../../../shared/releases/compose';
import { DEFAULT_DATELINE_FORM } from '../../../../shared/releases/dateline';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { ExportedFile, ExportFormat, PaperSize } from '../../../../shared/releases/model';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';
import { readOfficeProfile } from '../office/handlers';
import { sniffImage } from '../attachments/image-sniff';
import { loadBody } from './body-store';
import { printableImage } from '../attachments/printable-image';
import { contentTwips, createDocx, docxLetterhead, HALF_POINTS } from '../paper/docx-document';
import { letterheadOf } from '../paper/letterhead';
import { renderPdfOffThread } from '../paper/pdf-thread';
import type { PrintableImage } from './release-pdf';
import { fieldsOf, type ReleaseRow } from './rows';

export { PAPER_POINTS } from '../paper/pdf-document';
/** Base64 grows by 4/3; kept under the 8 MB message limit of browser mode. */
export const EXPORT_MAX_BYTES = 5_900_000;

export interface Prepared extends ReleaseForExport {
  emblem: Buffer | null;
  photos: Map<string, Buffer>;
  slug: string;
}

/** A release read elsewhere than this device's `releases` (a press-room device's public feed). */
export interface ExportSource {
  row: ReleaseRow;
  docJson: PmNode;
}

export function prepareRelease(ctx: CoreContext, id: string, source?: ExportSource): Prepared {
  const row = source?.row ?? (ctx.db.prepare('SELECT * FROM releases WHERE id = ?').get(id) as ReleaseRow);
  const profile = readOfficeProfile(ctx);
  const fields = fieldsOf(row);
  const body = source?.docJson ?? loadBody(ctx.db, id).docJson;
  const photos = new Map<string, Buffer>();
  for (const p of photosOf(body)) if (ctx.blobs.has(p.hash)) photos.set(p.hash, ctx.blobs.get(p.hash));
  const emblem = profile?.emblemHash && ctx.blobs.has(profile.emblemHash) ? ctx.blobs.get(profile.emblemHash) : null;
  const slug =
    (row.number ? `${row.number} ` : '') +
    fields.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .slice(0, 8)
      .join(' ');
  return {
    letterhead: {
      institution: profile?.institution ?? '',
      unit: profile?.unit ?? '',
      address: profile?.address ?? '',
      phone: profile?.phone ?? '',
      email: profile?.email ?? '',
      website: profile?.website ?? '',
      scriptLine: profile?.scriptLine ?? '',
    },
    zone: (profile?.timeZone as ZoneLabel | undefined) ?? 'WIB',
    number: row.number,
    fields,
    body,
    datelineForm: profile?.datelineForm ?? DEFAULT_DATELINE_FORM,
    endMark: profile?.endMark ?? '-selesai-',
    madeAt: ctx.now(),
    emblem,
    photos,
    slug: fileSlug(slug),
  };
}

/**
 * "siaran-pers-001-Humas-…-judul": at most 80 characters, cut first and trimmed after, so a
 * name never ends in "-" (a cut inside a run of separators used to leave "…-.pdf").
 */
export function fileSlug(numberAndTitle: string, prefix = 'siaran-pers'): string {
  return `${prefix} ${numberAndTitle}`
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

type Progress = (label: string, done: number, total: number) => void;

export async function buildExport(ctx: CoreContext, _caller: Caller, id: string, format: ExportFormat, paper: PaperSize, source?: ExportSource): Promise<ExportedFile> {
  const file = await exportFile(ctx, id, format, paper, source);
  if (file.data.length > EXPORT_MAX_BYTES) {
    throw new WartaError('payload_too_large', `Berkas ekspor ${Math.round(file.data.length / 1e6)} MB terlalu besar untuk diunduh lewat jendela ini; kecilkan foto-fotonya.`, {
      size: file.data.length,
      limit: EXPORT_MAX_BYTES,
    });
  }
  return { fileName: file.fileName, mime: file.mime, size: file.data.length, base64: file.data.toString('base64') };
}

/** One export as bytes, without the download size limit (distribution attaches these to email). */
export async function exportFile(ctx: CoreContext, id: string, format: ExportFormat, paper: PaperSize, source?: ExportSource): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const jobId = crypto.randomUUID();
  const progress: Progress = (label, done, total) => ctx.events.emit('progress', { jobId, label, done, total, finished: done >= total });
  const r = prepareRelease(ctx, id, source);
  let file: { ext: string; mime: string; data: Buffer };
  switch (format) {
    case 'text':
      file = { ext: 'txt', mime: 'text/plain;charset=utf-8', data: Buffer.from(composePlainText(r), 'utf8') };
      break;
    case 'whatsapp':
      file = { ext: 'wa.txt', mime: 'text/plain;charset=utf-8', data: Buffer.from(composeWhatsApp(r), 'utf8') };
      break;
    case 'html':
      file = { ext: 'html', mime: 'text/html;charset=utf-8', data: Buffer.from(await htmlWithImages(r, paper), 'utf8') };
      break;
    case 'pdf':
      progress('PDF', 0, 1);
      file = { ext: 'pdf', mime: 'application/pdf', data: await renderPdf(r, paper) };
      progress('PDF', 1, 1);
      break;
    case 'docx':
      progress('DOCX', 0, 1);
      file = { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: await renderDocx(r, paper) };
      progress('DOCX', 1, 1);
      break;
    case 'zip':
      // The press kit is called *Paket media* everywhere: on screen, in progress and in its file name.
      return { fileName: `${pressKitName(r)}.zip`, mime: 'application/zip', data: await renderPressKit(r, paper, progress) };
  }
  return { fileName: `${r.slug}.${file.ext}`, mime: file.mime, data: file.data };
}

function pressKitName(r: Prepared): string {
  return fileSlug(r.slug.replace(/^siaran-pers-?/, ''), 'paket-media');
}

async function htmlWithImages(r: Prepared, paper: PaperSize): Promise<string> {
  const srcs = new Map<string, string>();
  for (const [hash, data] of r.photos) {
    const img = await printableImage(data, 1200);
    srcs.set(hash, `data:image/${img.type === 'png' ? 'png' : 'jpeg'};base64,${img.data.toString('base64')}`);
  }
  const emblemMime = r.emblem ? sniffImage(r.emblem) : null;
  return composeHtml(r, {
    paper,
    emblemSrc: r.emblem && emblemMime ? `data:${emblemMime};base64,${r.emblem.toString('base64')}` : null,
    photoSrc: (p) => srcs.get(p.hash) ?? null,
  });
}

// ---------------------------------------------------------------- PDF

/**
 * The release as PDF: the letterhead and photos made printable here (sharp), the drawing done on
 * the PDF thread (paper/pdf-thread.ts), so that a long release never holds the core's thread.
 */
export async function renderPdf(r: Prepared, paper: PaperSize): Promise<Buffer> {
  const head = await letterheadOf(r.letterhead, r.emblem);
  const images = new Map<string, PrintableImage>();
  for (const p of photosOf(bodyOf(r))) {
    const data = r.photos.get(p.hash);
    if (data && !images.has(p.hash)) images.set(p.hash, await printableImage(data, 1400));
  }
  const { photos: _photos, emblem: _emblem, ...release } = r;
  return renderPdfOffThread('release', [release, paper, head, images]);
}

// ---------------------------------------------------------------- DOCX

function docxRuns(n: PmNode, base: { bold?: boolean; italic?: boolean; size?: number } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const walk = (c: PmNode) => {
    if (c.type === 'text') {
      const marks = new Set((c.marks ?? []).map((m) => m.type));
      const run = new TextRun({
        text: c.text ?? '',
        bold: base.bold || marks.has('bold'),
        italics: base.italic || marks.has('italic'),
        underline: marks.has('underline') ? {} : undefined,
        size: HALF_POINTS(base.size ?? 12),
      });
      const href = c.marks?.find((m) => m.type === 'link')?.attrs?.href;
      out.push(typeof href === 'string' ? new ExternalHyperlink({ link: href, children: [run] }) : run);
    } else if (c.type === 'hardBreak') out.push(new TextRun({ break: 1 }));
    else c.content?.forEach(walk);
  };
  n.content?.forEach(walk);
  return out;
}

const line = (text: string, opts: { bold?: boolean; italic?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}) =>
  new Paragraph({
    alignment: opts.align,
    spacing: { after: opts.after ?? 0 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: HALF_POINTS(opts.size ?? 12) })],
  });

export async function renderDocx(r: Prepared, paper: PaperSize): Promise<Buffer> {
  const margin = 1134; // 2 cm
  const margins = { top: 850, bottom: 1134, left: margin, right: margin };
  const width = contentTwips({ paper, margins });
  const head = await letterheadOf(r.letterhead, r.emblem);
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(head, width),
    line(r.fields.label || 'SIARAN PERS', { bold: true, size: 13, align: AlignmentType.CENTER }),
    line(numberLineOf(r.number), { align: AlignmentType.CENTER }),
    line(urgencyLineOf(r.fields, r.zone, r.madeAt), { bold: true, align: AlignmentType.CENTER, after: 240 }),
    line(r.fields.title, { bold: true, size: 16, after: r.fields.subtitle ? 0 : 120 }),
  ];
  if (r.fields.subtitle) children.push(line(r.fields.subtitle, { italic: true, after: 120 }));
  const dateLine = dateLineOf(r);
  if (dateLine) children.push(line(dateLine, { after: 200 }));

  const photoParas = async (p: PhotoRef): Promise<Paragraph[]> => {
    const out: Paragraph[] = [];
    const data = r.photos.get(p.hash);
    if (data) {
      const img = await printableImage(data, 1400);
      const w = 500;
      out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: img.type, data: img.data, transformation: { width: w, height: Math.round((img.height / img.width) * w) } })] }));
    }
    out.push(line(photoCaptionLine(p), { italic: true, size: 10, align: AlignmentType.CENTER, after: 200 }));
    return out;
  };
  const block = async (n: PmNode, indent = 0): Promise<(Paragraph | Table)[]> => {
    const para = (runs: ParagraphChild[], extra: Record<string, unknown> = {}) =>
      new Paragraph({ children: runs, alignment: AlignmentType.JUSTIFIED, spacing: { after: 160, line: 300 }, indent: indent ? { left: indent } : undefined, ...extra });
    switch (n.type) {
      case 'paragraph':
        return [para(docxRuns(n))];
      case 'heading':
        return [para(docxRuns(n, { bold: true, size: n.attrs?.level === 3 ? 12 : 13 }))];
      case 'blockquote': {
        const out: (Paragraph | Table)[] = [];
        for (const c of n.content ?? []) out.push(...(await block(c, indent + 567)));
        return out;
      }
      case 'bulletList':
      case 'orderedList': {
        const out: (Paragraph | Table)[] = [];
        let i = typeof n.attrs?.start === 'number' ? n.attrs.start : 1;
        for (const li of n.content ?? []) {
          const [first, ...rest] = li.content ?? [];
          const prefix = new TextRun({ text: n.type === 'bulletList' ? '• ' : `${i}. `, size: HALF_POINTS(12) });
          if (first) out.push(new Paragraph({ children: [prefix, ...docxRuns(first)], spacing: { after: 80 }, indent: { left: indent + 567, hanging: 284 } }));
          for (const c of rest) out.push(...(await block(c, indent + 567)));
          i += 1;
        }
        return out;
      }
      case 'table': {
        const rows = n.content ?? [];
        const cols = Math.max(1, ...rows.map((row) => row.content?.length ?? 0));
        const cw = Math.floor(width / cols);
        return [
          new Table({
            width: { size: width, type: WidthType.DXA },
            columnWidths: Array.from({ length: cols }, () => cw),
            rows: rows.map(
              (row) =>
                new TableRow({
                  children: (row.content ?? []).map(
                    (cell) =>
                      new TableCell({
                        width: { size: cw, type: WidthType.DXA },
                        children: (cell.content ?? []).map((p) => new Paragraph({ children: docxRuns(p, { bold: cell.type === 'tableHeader', size: 11 }) })),
                      }),
                  ),
                }),
            ),
          }),
          new Paragraph({ children: [] }),
        ];
      }
      case 'photo':
        return photoParas({ hash: String(n.attrs?.hash ?? ''), thumb: null, caption: String(n.attrs?.caption ?? ''), credit: String(n.attrs?.credit ?? '') });
      default:
        return [para(docxRuns(n))];
    }
  };
  for (const n of bodyOf(r).content ?? []) children.push(...(await block(n)));
  for (const q of r.fields.quotes) children.push(new Paragraph({ indent: { left: 567, right: 567 }, spacing: { after: 120 }, children: [new TextRun({ text: quoteLine(q), italics: true, size: HALF_POINTS(12) })] }));
  const closing = closingLines(r.fields);
  if (closing.length) {
    children.push(new Paragraph({ children: [] }));
    for (const l of closing) children.push(line(l));
  }
  children.push(new Paragraph({ children: [] }), line(r.endMark, { bold: true, align: AlignmentType.CENTER, after: 120 }));
  const contacts = contactLines(r.fields.contacts);
  if (contacts.length) {
    children.push(new Paragraph({ children: [] }), line('Narahubung:', { bold: true }));
    for (const l of contacts) children.push(line(l));
  }
  if (r.fields.boilerplate) children.push(new Paragraph({ children: [] }), line('Tentang kami:', { bold: true }), line(r.fields.boilerplate));
  return createDocx({ paper, margins, title: r.fields.title, creator: r.letterhead.unit || 'Warta', head, children, pageNumbers: true });
}

// ---------------------------------------------------------------- press kit

async function renderPressKit(r: Prepared, paper: PaperSize, progress: Progress): Promise<Buffer> {
  const photos = photosOf(r.body);
  const total = 3 + photos.length;
  let done = 0;
  const zip = new JSZip();
  progress('Paket media: PDF', done, total);
  zip.file(`${r.slug}.pdf`, await renderPdf(r, paper));
  progress('Paket media: DOCX', ++done, total);
  zip.file(`${r.slug}.docx`, await renderDocx(r, paper));
  progress('Paket media: teks', ++done, total);
  zip.file(`${r.slug}.txt`, composePlainText(r));
  zip.file(`${r.slug}-whatsapp.txt`, composeWhatsApp(r));
  const captions: string[] = [];
  let i = 0;
  for (const p of photos) {
    i += 1;
    const data = r.photos.get(p.hash);
    const mime = data ? sniffImage(data) : null;
    const ext = mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : 'jpg';
    const name = `foto/${String(i).padStart(2, '0')}-${p.hash.slice(0, 8)}.${ext}`;
    if (data) zip.file(name, data); // full size, as taken
    captions.push(`${name}\n${photoCaptionLine(p)}`);
    progress('Paket media: foto', ++done, total);
  }
  if (captions.length) zip.file('foto/keterangan-foto.txt', captions.join('\n\n') + '\n');
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  progress('Paket media', total, total);
  return out;
}
