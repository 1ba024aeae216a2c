/**
 * Browser mode with its core busy (issue 17): while a long PDF export, a large media import and a
 * large pull run in the core's worker, a cheap call (`app.info`) is timed over the page's own
 * transport (the WebSocket). Shared by test/core/core-worker-load.test.ts (generous bounds,
 * smaller by default) and the `shell` benchmark (`shell.ping_p99_under_load_ms`, full size).
 *
 * The sync server runs in its own process and is filled over HTTP before the measurement, so
 * that serving the pull costs this process nothing while it times the calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { enrolDevice, pushChecked, spawnServer, writerChanges, type ServerProcess } from '../../bench/support/sync-server-process';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/start-browser-host';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { officeSection } from '../../scripts/demo/office';
import type { EventMap, EventName } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/result';

export interface LoadSize {
  /** Changes the server holds for the device's first pull. */
  pullChanges: number;
  /** Outlets in the imported CSV. */
  importRows: number;
  /** Paragraphs of the exported release (about 55 make a page of A4). */
  exportParagraphs: number;
}

export const FULL_SIZE: LoadSize = { pullChanges: 100_000, importRows: 5_000, exportParagraphs: 2_200 };

export interface LoadResult {
  /** Latency of each `app.info` while at least one job ran, in ms. */
  pings: number[];
  /** The same calls for two seconds before the jobs started: this machine's floor. */
  idlePings: number[];
  jobs: { name: string; ms: number }[];
  pdfPages: number;
  imported: number;
  pulled: number;
}

/** A client of browser mode's WebSocket, as the page's ws-bridge is. */
export interface WsClient {
  call(method: string, input?: unknown): Promise<CallResult<unknown>>;
  invoke<T>(method: string, input?: unknown): Promise<T>;
  events: { name: EventName; payload: EventMap[EventName] }[];
  close(): void;
}

export async function connectClient(host: Pick<BrowserHost, 'port' | 'token' | 'origin'>): Promise<WsClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(host.token)}`, { headers: { origin: host.origin }, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waiting = new Map<number, (r: CallResult<unknown>) => void>();
  const events: WsClient['events'] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { type: string; id?: number; name?: EventName; payload?: never } & CallResult<unknown>;
    if (msg.type === 'event') events.push({ name: msg.name as EventName, payload: msg.payload as never });
    else if (msg.type === 'result' && typeof msg.id === 'number') {
      waiting.get(msg.id)?.(msg);
      waiting.delete(msg.id);
    }
  });
  let next = 1;
  const call = (method: string, input: unknown = {}) =>
    new Promise<CallResult<unknown>>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ type: 'call', id, method, input }));
    });
  return {
    call,
    async invoke<T>(method: string, input?: unknown) {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    events,
    close: () => ws.close(),
  };
}

const WORDS = ['pemerintah', 'kabupaten', 'meresmikan', 'jembatan', 'gantung', 'desa', 'warga', 'pelayanan', 'publik', 'anggaran', 'pembangunan', 'sekolah'];

/** A CSV of `rows` distinct outlets, with the Indonesian headers the import recognises. */
export function outletsCsv(rows: number): Buffer {
  const lines = ['Nama Media;Jenis;Wilayah;Email'];
  for (let i = 0; i < rows; i++) lines.push(`Media Uji Beban ${i} ${WORDS[i % WORDS.length]};Media Daring;Kota Sukamaju;redaksi${i}@media${i}.example`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** The server, filled with `count` changes a writer made, pushed four pages at a time. */
async function filledServer(dir: string, count: number): Promise<{ server: ServerProcess; workspace: string }> {
  const server = await spawnServer({ dir });
  const workspace = (await server.admin('/v1/admin/workspaces', { name: 'uji beban' })).id as string;
  const writer = await enrolDevice(server.url, server.admin, workspace, 'writer', 'penulis');
  const pages: ReturnType<typeof writerChanges>[] = [];
  for (let done = 0; done < count; done += 500) pages.push(writerChanges(writer, Math.min(500, count - done)));
  for (let i = 0; i < pages.length; i += 4) await Promise.all(pages.slice(i, i + 4).map((p) => pushChecked(server.url, writer, p)));
  return { server, workspace };
}

/**
 * Runs the three jobs at once against browser mode on a fresh data folder under `workDir` and
 * times `app.info` every `pingGapMs` until they have all finished.
 */
export async function runCoreUnderLoad(
  workDir: string,
  size: LoadSize,
  log: (line: string) => void = () => undefined,
  options: { pingGapMs?: number; only?: readonly ('export' | 'import' | 'pull')[] } = {},
): Promise<LoadResult> {
  const pingGapMs = options.pingGapMs ?? 5;
  const runs = (job: 'export' | 'import' | 'pull') => !options.only || options.only.includes(job);
  const t0 = performance.now();
  const { server, workspace } = await filledServer(path.join(workDir, 'server'), runs('pull') ? size.pullChanges : 0);
  log(`  server holds ${size.pullChanges} changes (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const dataDir = path.join(workDir, 'data');
  // The workspace (office profile for the letterhead, the long release) made in-process first.
  const seed = createCore({ dataDir, logger: createMemoryLogger() });
  let releaseId: string;
  try {
    await officeSection.run({ core: seed, size: 1, seed: 2026, progress: () => undefined });
    releaseId = (await seed.invoke('releases.create', { title: 'Rilis Uji Beban Empat Puluh Halaman' })).id;
    const html = Array.from({ length: size.exportParagraphs }, (_, i) => `<p>${Array.from({ length: 12 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(' ')}.</p>`).join('');
    await seed.invoke('releases.importHtml', { id: releaseId, html });
  } finally {
    seed.close();
  }
  const rendererDir = path.join(workDir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Warta</title>');
  const host = await startBrowserHost({ dataDir, rendererDir, logger: createMemoryLogger(), sync: { auto: false }, outbox: { auto: false } });
  const client = await connectClient(host);
  try {
    const { code } = await server.admin('/v1/admin/codes', { workspace, role: 'administrator' });
    await client.invoke('sync.configure', { serverUrl: server.url, workspace, code, deviceName: 'perangkat uji beban' });
    const csv = outletsCsv(size.importRows);
    const upload = await client.invoke<{ uploadId: string }>('media.import.upload', { base64: csv.toString('base64') });
    // Warm-up: the first calls of a fresh worker compile code paths.
    for (let i = 0; i < 20; i++) await client.invoke('app.info');
    const idlePings: number[] = [];
    for (const until = performance.now() + 2000; performance.now() < until; ) {
      const s = performance.now();
      await client.invoke('app.info');
      idlePings.push(performance.now() - s);
      await new Promise((resolve) => setTimeout(resolve, pingGapMs));
    }

    const jobs: LoadResult['jobs'] = [];
    const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const s = performance.now();
      const value = await run();
      jobs.push({ name, ms: performance.now() - s });
      return value;
    };
    let running = true;
    const pings: number[] = [];
    const pinger = (async () => {
      while (running) {
        const s = performance.now();
        const r = await client.call('app.info');
        if (!r.ok) throw new Error(`app.info: ${r.error.message}`);
        if (running) pings.push(performance.now() - s);
        await new Promise((resolve) => setTimeout(resolve, pingGapMs));
      }
    })();
    const all = Promise.all([
      !runs('export') ? { base64: '' } : timed('export', () => client.invoke<{ base64: string }>('releases.export', { id: releaseId, format: 'pdf', paper: 'A4' })),
      !runs('import') ? { createdCount: 0 } : timed('import', async () => {
        const preview = await client.invoke<{ sessionId: string }>('media.import.open', { uploadId: upload.uploadId, fileName: 'media-uji-beban.csv', kind: 'outlets' });
        return client.invoke<{ createdCount: number }>('media.import.commit', { sessionId: preview.sessionId });
      }),
      timed('pull', () => client.invoke<{ state: string; message: string | null }>('sync.now')),
    ]);
    const [pdf, batch, status] = await all.finally(() => {
      running = false;
    });
    await pinger;
    if (status.state !== 'up_to_date') throw new Error(`pull: ${status.state} ${status.message ?? ''}`);
    const pdfPages = (Buffer.from(pdf.base64, 'base64').toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    const releases = await client.invoke<{ total: number }>('releases.list', { limit: 1 });
    log(`  jobs: ${jobs.map((j) => `${j.name} ${Math.round(j.ms)} ms`).join(', ')}; ${pings.length} calls timed`);
    return { pings, idlePings, jobs, pdfPages, imported: batch.createdCount, pulled: releases.total };
  } finally {
    client.close();
    await host.close();
    server.stop();
  }
}
