import { z } from 'zod';
import { mutation } from '../define';
import { uuid } from './common';

/**
 * Printing through the operating system's print dialog (issue 17 item 4): the PDF the core already
 * makes for a release or a day sheet, shown in a preview window whose print button opens the OS
 * dialog. The desktop shell answers `print.open` (electron/shell/print.ts); in browser mode the
 * renderer opens the PDF in a new tab instead, and the core answers `desktop_only`.
 * `pdf` is any PDF the window already has from an export (a report, an attendance list): the shell
 * only shows it, so whatever may be exported may be printed, checked once by its export.
 */
const paper = z.enum(['A4', 'F4']).default('A4');
export const printRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('release'), id: uuid, paper }).strict(),
  z
    .object({
      kind: z.literal('daySheet'),
      leaderId: uuid.nullable(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal tidak sah' }),
      days: z.union([z.literal(1), z.literal(7)]).default(1),
      paper,
    })
    .strict(),
  z
    .object({
      kind: z.literal('pdf'),
      fileName: z.string().trim().min(1).max(200),
      // "%PDF-" in base64; at most what an export sends (EXPORT_MAX_BYTES, 5.9 MB, as base64).
      base64: z.string().max(8_000_000, { message: 'Berkas terlalu besar untuk dicetak' }).regex(/^JVBERi0/, { message: 'Bukan berkas PDF' }),
    })
    .strict(),
]);
export type PrintRequest = z.input<typeof printRequestSchema>;

export const printMethods = {
  /** Opens the print preview of the document; the export's own permission is checked when the PDF is made. */
  'print.open': mutation<typeof printRequestSchema, { opened: true; printers: number }>('app.use', printRequestSchema),
};
