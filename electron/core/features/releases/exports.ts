/**
 * Exports of a release, built by the core under plain Node: PDF (pdfkit) and DOCX (docx) on
 * the office letterhead in A4 or F4, HTML, plain text, WhatsApp text, and a press-kit ZIP.
 * Files travel back as base64 (the renderer turns them into a download; the Electron shell
 * can save them with a dialog later). Long exports emit `progress` events.
 */
import crypto from 'node:crypto';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { WartaError } from '../../../../shared/contract/errors';
import { photoCaptionLine, photosOf, type PhotoRef, type PmMark, type PmNode } from '../../../../shared/releases/body-text';
import {
  closingLines,
  composeHtml,
  composePlainText,
  composeWhatsApp,
  contactLines,
  datelineOf,
  letterheadLines,
  numberLineOf,
  quoteLine,
  urgencyLineOf,
  type ReleaseForExport,
} from '../../../../shared/releases/compose';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { ExportedFile, ExportFormat, PaperSize } from '../../../../shared/releases/model';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';
import { readOfficeProfile } from '../office/handlers';
import { sniffImage } from '../attachments/image-sniff';
import { loadBody } from './body-store';
import { printableImage } from './photos';
import { fieldsOf, type ReleaseRow } from './rows';

/** Paper in PDF points (1/72 inch). F4 (folio) is 215 × 330 mm, common in Indonesian offices. */
export const PAPER_POINTS: Record<PaperSize, [number, number]> = { A4: [595.28, 841.89], F4: [609.45, 935.43] };
/** Paper in twips (1/1440 inch) for DOCX. */
const PAPER_TWIPS: Record<PaperSize, [number, number]> = { A4: [11906, 16838], F4: [12189, 18709] };
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
    },
    zone: (profile?.timeZone as ZoneLabel | undefined) ?? 'WIB',
    number: row.number,
    fields,
    body,
    emblem,
    photos,
    slug: ('siaran-pers ' + slug).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-+$/, '').slice(0, 80),
  };
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
      file = { ext: 'zip', mime: 'application/zip', data: await renderPressKit(r, paper, progress) };
      break;
  }
  return { fileName: `${r.slug}.${file.ext}`, mime: file.mime, data: file.data };
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

const FONT = { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic', boldItalic: 'Times-BoldItalic' };

function fontFor(marks: PmMark[] | undefined, base: { bold?: boolean; italic?: boolean } = {}): string {
  const types = new Set((marks ?? []).map((m) => m.type));
  const b = base.bold || types.has('bold');
  const i = base.italic || types.has('italic');
  return b && i ? FONT.boldItalic : b ? FONT.bold : i ? FONT.italic : FONT.regular;
}

/** Characters the standard PDF fonts (WinAnsi) can show; others become '?' instead of garbage. */
function winAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex -- tab and newline are allowed on purpose
  return s.replace(/[^\u0009\u000a\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

export async function renderPdf(r: Prepared, paper: PaperSize): Promise<Buffer> {
  const [w] = PAPER_POINTS[paper];
  const margin = 56;
  const doc = new PDFDocument({ size: PAPER_POINTS[paper], margins: { top: 42, bottom: 56, left: margin, right: margin }, info: { Title: r.fields.title, Author: r.letterhead.unit } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = w - margin * 2;

  // Letterhead: emblem at the left, the lines centred, a double rule under it.
  const top = doc.y;
  if (r.emblem) {
    try {
      const img = await printableImage(r.emblem, 300);
      doc.image(img.data, margin, top, { fit: [64, 64] });
    } catch {
      /* an unreadable emblem leaves the letterhead text-only */
    }
  }
  const kop = letterheadLines(r.letterhead);
  doc.y = top;
  kop.forEach((line, i) => {
    doc.font(i < 2 ? FONT.bold : FONT.regular).fontSize(i === 0 ? 15 : i === 1 ? 13 : 9.5);
    doc.text(winAnsi(line), margin + 72, doc.y, { width: width - 72, align: 'center' });
  });
  const ruleY = Math.max(doc.y, top + 66) + 4;
  doc.moveTo(margin, ruleY).lineTo(w - margin, ruleY).lineWidth(2).stroke();
  doc.moveTo(margin, ruleY + 3).lineTo(w - margin, ruleY + 3).lineWidth(0.6).stroke();
  doc.x = margin;
  doc.y = ruleY + 14;

  const center = (text: string, font: string, size: number) => doc.font(font).fontSize(size).text(winAnsi(text), margin, doc.y, { width, align: 'center' });
  center(r.fields.label || 'SIARAN PERS', FONT.bold, 13);
  center(numberLineOf(r.number), FONT.regular, 11);
  center(urgencyLineOf(r.fields, r.zone), FONT.bold, 11);
  doc.moveDown(0.8);
  doc.font(FONT.bold).fontSize(16).text(winAnsi(r.fields.title), margin, doc.y, { width });
  if (r.fields.subtitle) doc.font(FONT.italic).fontSize(12).text(winAnsi(r.fields.subtitle), { width });
  doc.moveDown(0.4);
  doc.font(FONT.regular).fontSize(11).text(winAnsi(datelineOf(r)), { width });
  doc.moveDown(0.6);

  const inlineRuns = (n: PmNode, base: { bold?: boolean; italic?: boolean } = {}) => {
    const runs: { text: string; font: string; underline: boolean; link: string | null }[] = [];
    const walk = (c: PmNode) => {
      if (c.type === 'text') {
        const link = c.marks?.find((m) => m.type === 'link')?.attrs?.href;
        runs.push({ text: winAnsi(c.text ?? ''), font: fontFor(c.marks, base), underline: !!c.marks?.some((m) => m.type === 'underline'), link: typeof link === 'string' ? link : null });
      } else if (c.type === 'hardBreak') runs.push({ text: '\n', font: FONT.regular, underline: false, link: null });
      else c.content?.forEach(walk);
    };
    n.content?.forEach(walk);
    return runs;
  };
  const paragraph = (n: PmNode, opts: { indent?: number; prefix?: string; size?: number; base?: { bold?: boolean; italic?: boolean }; gap?: number } = {}) => {
    const runs = inlineRuns(n, opts.base);
    if (opts.prefix) runs.unshift({ text: opts.prefix, font: FONT.regular, underline: false, link: null });
    const x = margin + (opts.indent ?? 0);
    if (!runs.length) {
      doc.moveDown(0.5);
      return;
    }
    doc.fontSize(opts.size ?? 11.5);
    runs.forEach((run, i) => {
      doc.font(run.font);
      const o = { width: width - (opts.indent ?? 0), align: 'justify' as const, continued: i < runs.length - 1, underline: run.underline, link: run.link ?? undefined, lineGap: 2 };
      if (i === 0) doc.text(run.text, x, doc.y, o);
      else doc.text(run.text, o);
    });
    doc.moveDown(opts.gap ?? 0.5);
  };
  const table = (n: PmNode) => {
    const rows = n.content ?? [];
    const cols = Math.max(1, ...rows.map((row) => row.content?.length ?? 0));
    const cw = width / cols;
    doc.fontSize(10);
    for (const row of rows) {
      const cells = row.content ?? [];
      const texts = cells.map((c) => winAnsi((c.content ?? []).map((p) => inlineRuns(p).map((x) => x.text).join('')).join('\n')));
      const heights = cells.map((c, i) => doc.font(c.type === 'tableHeader' ? FONT.bold : FONT.regular).heightOfString(texts[i] ?? '', { width: cw - 8 }));
      const h = Math.max(14, ...heights) + 6;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      cells.forEach((c, i) => {
        doc.rect(margin + i * cw, y, cw, h).lineWidth(0.5).stroke();
        doc.font(c.type === 'tableHeader' ? FONT.bold : FONT.regular).text(texts[i] ?? '', margin + i * cw + 4, y + 3, { width: cw - 8 });
      });
      doc.x = margin;
      doc.y = y + h;
    }
    doc.moveDown(0.6);
  };
  const photo = async (p: PhotoRef) => {
    const data = r.photos.get(p.hash);
    if (data) {
      const img = await printableImage(data, 1400);
      const fitW = Math.min(width, 400);
      const h = (img.height / img.width) * fitW;
      if (doc.y + h + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.image(img.data, margin + (width - fitW) / 2, doc.y, { width: fitW });
      doc.y += h + 4;
    }
    doc.font(FONT.italic).fontSize(9.5).text(winAnsi(photoCaptionLine(p)), margin, doc.y, { width, align: 'center' });
    doc.moveDown(0.7);
  };
  const block = async (n: PmNode, indent = 0): Promise<void> => {
    switch (n.type) {
      case 'paragraph':
        paragraph(n, { indent });
        return;
      case 'heading':
        paragraph(n, { indent, size: n.attrs?.level === 3 ? 12 : 13, base: { bold: true }, gap: 0.3 });
        return;
      case 'blockquote':
        for (const c of n.content ?? []) await block(c, indent + 24);
        return;
      case 'bulletList':
      case 'orderedList': {
        let i = typeof n.attrs?.start === 'number' ? n.attrs.start : 1;
        for (const li of n.content ?? []) {
          const [first, ...rest] = li.content ?? [];
          if (first) paragraph(first, { indent: indent + 12, prefix: n.type === 'bulletList' ? '• ' : `${i}. `, gap: 0.2 });
          for (const c of rest) await block(c, indent + 24);
          i += 1;
        }
        doc.moveDown(0.3);
        return;
      }
      case 'table':
        table(n);
        return;
      case 'photo':
        await photo({ hash: String(n.attrs?.hash ?? ''), thumb: null, caption: String(n.attrs?.caption ?? ''), credit: String(n.attrs?.credit ?? '') });
        return;
      default:
        paragraph(n, { indent });
    }
  };
  for (const n of r.body.content ?? []) await block(n);

  const section = (title: string | null, lines: string[], font = FONT.regular) => {
    if (!lines.length) return;
    doc.moveDown(0.4);
    if (title) doc.font(FONT.bold).fontSize(11).text(winAnsi(title), margin, doc.y, { width });
    doc.font(font).fontSize(11);
    for (const l of lines) doc.text(winAnsi(l), margin, doc.y, { width });
  };
  if (r.fields.quotes.length) {
    doc.moveDown(0.4);
    for (const q of r.fields.quotes) {
      doc.font(FONT.italic).fontSize(11.5).text(winAnsi(quoteLine(q)), margin + 24, doc.y, { width: width - 48 });
      doc.moveDown(0.3);
    }
  }
  section(null, closingLines(r.fields));
  section('Narahubung:', contactLines(r.fields.contacts));
  if (r.fields.boilerplate) section('Tentang kami:', [r.fields.boilerplate]);
  doc.end();
  return done;
}

// ---------------------------------------------------------------- DOCX

const PT = (n: number) => n * 2; // docx sizes are half-points

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
        size: PT(base.size ?? 12),
        font: 'Times New Roman',
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
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: PT(opts.size ?? 12), font: 'Times New Roman' })],
  });

export async function renderDocx(r: Prepared, paper: PaperSize): Promise<Buffer> {
  const [pw, ph] = PAPER_TWIPS[paper];
  const margin = 1134; // 2 cm
  const contentTwips = pw - margin * 2;
  const children: (Paragraph | Table)[] = [];

  // Letterhead: a borderless two-column table (emblem | lines), then a double rule.
  const kop = letterheadLines(r.letterhead);
  const kopParas = kop.map((l, i) => line(l, { bold: i < 2, size: i === 0 ? 15 : i === 1 ? 13 : 10, align: AlignmentType.CENTER }));
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  let emblemPara = new Paragraph({});
  if (r.emblem) {
    try {
      const img = await printableImage(r.emblem, 300);
      const h = 80;
      emblemPara = new Paragraph({ children: [new ImageRun({ type: img.type, data: img.data, transformation: { width: Math.round((img.width / img.height) * h), height: h } })] });
    } catch {
      /* text-only letterhead */
    }
  }
  children.push(
    new Table({
      width: { size: contentTwips, type: WidthType.DXA },
      columnWidths: [1600, contentTwips - 1600],
      borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          children: [
            new TableCell({ borders: noBorders, width: { size: 1600, type: WidthType.DXA }, children: [emblemPara] }),
            new TableCell({ borders: noBorders, width: { size: contentTwips - 1600, type: WidthType.DXA }, children: kopParas }),
          ],
        }),
      ],
    }),
    new Paragraph({ border: { bottom: { style: BorderStyle.DOUBLE, size: 12, color: '000000', space: 1 } }, spacing: { after: 240 }, children: [] }),
    line(r.fields.label || 'SIARAN PERS', { bold: true, size: 13, align: AlignmentType.CENTER }),
    line(numberLineOf(r.number), { align: AlignmentType.CENTER }),
    line(urgencyLineOf(r.fields, r.zone), { bold: true, align: AlignmentType.CENTER, after: 240 }),
    line(r.fields.title, { bold: true, size: 16, after: r.fields.subtitle ? 0 : 120 }),
  );
  if (r.fields.subtitle) children.push(line(r.fields.subtitle, { italic: true, after: 120 }));
  children.push(line(datelineOf(r), { after: 200 }));

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
          const prefix = new TextRun({ text: n.type === 'bulletList' ? '• ' : `${i}. `, size: PT(12), font: 'Times New Roman' });
          if (first) out.push(new Paragraph({ children: [prefix, ...docxRuns(first)], spacing: { after: 80 }, indent: { left: indent + 567, hanging: 284 } }));
          for (const c of rest) out.push(...(await block(c, indent + 567)));
          i += 1;
        }
        return out;
      }
      case 'table': {
        const rows = n.content ?? [];
        const cols = Math.max(1, ...rows.map((row) => row.content?.length ?? 0));
        const cw = Math.floor(contentTwips / cols);
        return [
          new Table({
            width: { size: contentTwips, type: WidthType.DXA },
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
  for (const n of r.body.content ?? []) children.push(...(await block(n)));
  for (const q of r.fields.quotes) children.push(new Paragraph({ indent: { left: 567, right: 567 }, spacing: { after: 120 }, children: [new TextRun({ text: quoteLine(q), italics: true, size: PT(12), font: 'Times New Roman' })] }));
  const closing = closingLines(r.fields);
  if (closing.length) {
    children.push(new Paragraph({ children: [] }));
    for (const l of closing) children.push(line(l));
  }
  const contacts = contactLines(r.fields.contacts);
  if (contacts.length) {
    children.push(new Paragraph({ children: [] }), line('Narahubung:', { bold: true }));
    for (const l of contacts) children.push(line(l));
  }
  if (r.fields.boilerplate) children.push(new Paragraph({ children: [] }), line('Tentang kami:', { bold: true }), line(r.fields.boilerplate));

  const doc = new Document({
    creator: r.letterhead.unit || 'Warta',
    title: r.fields.title,
    sections: [{ properties: { page: { size: { width: pw, height: ph }, margin: { top: 850, bottom: 1134, left: margin, right: margin } } }, children }],
  });
  return Packer.toBuffer(doc);
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
