/**
 * PDFs are drawn on a thread of their own, not on the core's (issue 17). pdfkit's font set-up
 * (the first measured text builds fontkit's tables) and its finish (subsetting and embedding
 * the fonts) are single synchronous stretches of 50–150 ms for a 40-page release that cannot be
 * sliced; on the core's thread they held every other call that long (measured with
 * `shell.ping_p99_under_load_ms`). One thread, started on first use and kept for the next job;
 * it does not keep the process alive while idle, and ends with the thread that started it.
 */
import { Worker } from 'node:worker_threads';
import { WartaError, type ErrorPayload } from '../../../../shared/contract/errors';
import { workerEntry } from '../../worker-entry';
import type { PdfKind, PdfRenderers } from './pdf-renderers';

export interface PdfJob {
  id: number;
  kind: PdfKind;
  args: unknown[];
}

export type PdfReply = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; error: ErrorPayload };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (data: Buffer) => void; reject: (err: Error) => void }>;
}

let thread: Thread | null = null;
let nextId = 1;

function startThread(): Thread {
  const { entry, eval: isEval } = workerEntry(import.meta.url, 'pdf-worker');
  const worker = new Worker(entry, { eval: isEval, name: 'warta-pdf' });
  const t: Thread = { worker, pending: new Map() };
  worker.on('message', (reply: PdfReply) => {
    const job = t.pending.get(reply.id);
    if (!job) return;
    t.pending.delete(reply.id);
    if (t.pending.size === 0) worker.unref();
    if (reply.ok) job.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
    else job.reject(new WartaError(reply.error.code, reply.error.message, reply.error.details));
  });
  // A thread that dies fails only its own jobs; the next job starts a new one.
  const fail = (why: string) => {
    if (thread === t) thread = null;
    for (const job of t.pending.values()) job.reject(new WartaError('internal', `Pembuat PDF berhenti tak terduga (${why}); ulangi. (The PDF maker stopped unexpectedly; try again.)`));
    t.pending.clear();
  };
  worker.on('error', (err) => fail(err.message));
  worker.on('exit', (code) => fail(`kode ${code}`));
  return t;
}

/** Draws `kind` with `args` on the PDF thread; rejects with the renderer's own error. */
export function renderPdfOffThread<K extends PdfKind>(kind: K, args: Parameters<PdfRenderers[K]>): Promise<Buffer> {
  thread ??= startThread();
  const t = thread;
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    t.pending.set(id, { resolve, reject });
    t.worker.ref();
    try {
      t.worker.postMessage({ id, kind, args } satisfies PdfJob);
    } catch (err) {
      // Only input that cannot be cloned (a function) gets here: our bug, said as such.
      t.pending.delete(id);
      if (t.pending.size === 0) t.worker.unref();
      reject(new WartaError('internal', `Data PDF tidak dapat dikirim: ${(err as Error).message}`));
    }
  });
}

/** Ends the PDF thread (tests; a process that ends stops it anyway). */
export async function stopPdfThread(): Promise<void> {
  const t = thread;
  thread = null;
  if (t) await t.worker.terminate();
}
