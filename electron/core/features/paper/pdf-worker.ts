/**
 * The PDF thread (pdf-thread.ts starts it): draws each job with its renderer and sends the bytes
 * back. Buffers arrive as plain Uint8Arrays after the copy between threads; pdfkit reads images
 * only from Buffers, so they are turned back first.
 */
import { parentPort } from 'node:worker_threads';
import { WartaError } from '../../../../shared/contract/errors';
import { PDF_RENDERERS } from './pdf-renderers';
import type { PdfJob, PdfReply } from './pdf-thread';

if (!parentPort) throw new Error('pdf-worker.ts runs only as a worker thread');
const port = parentPort;

function revive(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return v.map(revive);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, revive(x)]));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  return v;
}

async function render(job: PdfJob): Promise<void> {
  let reply: PdfReply;
  try {
    const renderer = Object.hasOwn(PDF_RENDERERS, job.kind) ? (PDF_RENDERERS[job.kind] as (...args: unknown[]) => Promise<Buffer>) : null;
    if (!renderer) throw new WartaError('invalid_input', `Jenis PDF tidak dikenal: ${String(job.kind)}. (Unknown PDF kind.)`);
    reply = { id: job.id, ok: true, data: await renderer(...(revive(job.args) as unknown[])) };
  } catch (err) {
    reply = {
      id: job.id,
      ok: false,
      error: err instanceof WartaError ? err.toPayload() : { code: 'internal', message: `PDF gagal dibuat: ${(err as Error)?.message ?? String(err)}. (The PDF could not be made.)` },
    };
  }
  port.postMessage(reply);
}

port.on('message', (job: PdfJob) => void render(job));
