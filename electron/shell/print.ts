/**
 * Printing through the OS print dialog (issue 17 item 4). The core makes the PDF (the same one
 * "Unduh" gives, in A4 or F4); the shell holds it in memory, serves it once as
 * app://warta/__print/<token>.pdf (app-protocol.ts) and opens it in a preview window — Chromium's
 * PDF viewer, whose print button opens the operating system's print dialog. With no printer
 * installed it says so before opening anything. Electron comes in as small interfaces (tested with
 * stand-ins, test/unit/shell/print.test.ts).
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import { WartaError } from '../../shared/contract/errors';
import { printRequestSchema } from '../../shared/contract/methods/print';
import type { CallResult } from '../../shared/contract/result';
import { APP_ORIGIN } from './policy/app-origin';

export const PRINT_PATH = '/__print/';
/** Documents not opened within this time are dropped (a preview that never loaded). */
const KEEP_MS = 10 * 60_000;

export interface PrintDeps {
  /** The PDF from the core, as the person signed in may export it (the export checks its permission). */
  fetchPdf(request: ParsedPrintRequest): Promise<CallResult<{ fileName: string; base64: string }>>;
  printerCount(): Promise<number>;
  openPreview(preview: { title: string; url: string; onClosed(): void }): void;
  log(event: string, data?: Record<string, unknown>): void;
}
export type ParsedPrintRequest = z.output<typeof printRequestSchema>;

export function createPrintService(deps: PrintDeps) {
  const documents = new Map<string, { bytes: Uint8Array; timer: ReturnType<typeof setTimeout> }>();
  const drop = (token: string) => {
    const doc = documents.get(token);
    if (doc) clearTimeout(doc.timer);
    documents.delete(token);
  };

  async function open(input: unknown): Promise<CallResult<{ opened: true; printers: number }>> {
    const parsed = printRequestSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: 'Permintaan cetak tidak sah.', details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } } };
    }
    const printers = await deps.printerCount().catch(() => 0);
    if (printers === 0) {
      deps.log('shell.print.no_printer', {});
      return { ok: false, error: new WartaError('no_printer', 'Tidak ada printer terpasang di komputer ini. (No printer is installed on this computer.)').toPayload() };
    }
    const pdf = await deps.fetchPdf(parsed.data);
    if (!pdf.ok) return pdf;
    const token = crypto.randomBytes(16).toString('hex');
    const timer = setTimeout(() => drop(token), KEEP_MS);
    timer.unref?.();
    documents.set(token, { bytes: Buffer.from(pdf.value.base64, 'base64'), timer });
    deps.openPreview({ title: `Cetak — ${pdf.value.fileName}`, url: `${APP_ORIGIN}${PRINT_PATH}${token}.pdf`, onClosed: () => drop(token) });
    deps.log('shell.print.preview', { kind: parsed.data.kind, paper: 'paper' in parsed.data ? parsed.data.paper : null, printers });
    return { ok: true, value: { opened: true, printers } };
  }

  return {
    /** For connectCoreToIpc's shell calls: answers `print.open`, nothing else. */
    shellCalls(method: string, input: unknown): Promise<CallResult<unknown>> | null {
      return method === 'print.open' ? open(input) : null;
    },
    /** For the app:// handler: the bytes of a document waiting to print, or null. */
    document(url: string): Uint8Array | null {
      const match = new RegExp(`^${APP_ORIGIN}${PRINT_PATH}([0-9a-f]{32})\\.pdf$`).exec(url);
      return match ? (documents.get(match[1] as string)?.bytes ?? null) : null;
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
