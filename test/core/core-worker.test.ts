/**
 * The core in its own worker thread (issue 17): the relay serves the contract and the core's
 * events, reaches stores the main thread keeps, refuses malformed messages, says plainly why a
 * worker could not start, and restarts a worker that died mid-job without losing what was
 * acknowledged (real SQLite files, real worker threads).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import type { PrefsStore } from '../../electron/core/prefs';
import { coreWorkerEntry, startCoreRelay, type CoreRelay } from '../../electron/core/worker/core-relay';
import type { FromWorker, WorkerStartData } from '../../electron/core/worker/protocol';
import type { EventMap, EventName } from '../../shared/contract/events';
import type { MachinePrefs } from '../../shared/contract/methods';
import { outletsCsv } from '../support/core-under-load';
import { removeDir, tempDir } from '../support/temp-dir';

const relays: CoreRelay[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close();
  for (const d of dirs.splice(0)) removeDir(d);
});
const folder = () => {
  const d = tempDir('worker');
  dirs.push(d);
  return d;
};
async function relayOn(dataDir: string, extra: Partial<Parameters<typeof startCoreRelay>[0]> = {}) {
  const logger = createMemoryLogger();
  const relay = await startCoreRelay({ dataDir, mode: 'test', logger, ...extra });
  relays.push(relay);
  const events: { name: EventName; payload: EventMap[EventName] }[] = [];
  relay.onEvent((name, payload) => events.push({ name, payload }));
  return { relay, logger, events };
}
const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the core in its worker thread', () => {
  it('answers calls and forwards events from another thread; preferences the main thread keeps are reached from the worker', { timeout: 90_000 }, async () => {
    let kept: MachinePrefs = { language: 'id' };
    const prefs: PrefsStore = { get: () => kept, set: (p) => (kept = p) };
    const { relay, events } = await relayOn(folder(), { services: { prefs } });
    expect(relay.threadId).toBeGreaterThan(0);
    expect(await relay.invoke('app.info')).toMatchObject({ mode: 'test', deviceId: relay.info.deviceId });
    await relay.invoke('opd.save', { name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo' });
    await until(() => events.some((e) => e.name === 'data.changed'));
    // prefs.set runs in the worker; the store it writes is this thread's.
    await relay.invoke('prefs.set', { language: 'en' });
    expect(kept).toEqual({ language: 'en' });
    kept = { language: 'id' };
    expect(await relay.invoke('prefs.get')).toEqual({ language: 'id' });
    // Bad calls stay typed answers across the thread.
    expect(await relay.call(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await relay.call('opd.save', { name: 7 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await relay.call('app.info', { fn: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses messages of the wrong shape with a typed answer and keeps serving', { timeout: 90_000 }, async () => {
    const dataDir = folder();
    const { entry, eval: isEval } = coreWorkerEntry();
    const data: WorkerStartData = { options: { dataDir, mode: 'test' }, services: {}, servicePort: null, serviceFlag: null };
    const worker = new Worker(entry, { eval: isEval, workerData: data });
    const got: FromWorker[] = [];
    worker.on('message', (m: FromWorker) => got.push(m));
    try {
      await until(() => got.some((m) => m.type === 'ready'), 60_000);
      worker.postMessage('nonsense');
      worker.postMessage({ type: 'call', id: 7 }); // no method
      worker.postMessage({ type: 'call', id: -1, method: 'app.info' });
      worker.postMessage(null);
      worker.postMessage({ type: 'call', id: 8, method: 'app.info', input: {} });
      await until(() => got.some((m) => m.type === 'result' && m.id === 8));
      const refusals = got.filter((m) => m.type === 'refused');
      expect(refusals).toHaveLength(3);
      expect(refusals[0]).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/^Pesan ke inti Warta tidak sah.*\(Malformed/) } });
      expect(got.find((m) => m.type === 'result' && m.id === 7)).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
      expect(got.find((m) => m.type === 'result' && m.id === 8)).toMatchObject({ result: { ok: true, value: { mode: 'test' } } });
    } finally {
      await worker.terminate();
    }
  });

  it('a worker that cannot open the data folder fails with the core’s own typed error; once free, the folder opens in a worker', { timeout: 90_000 }, async () => {
    const base = folder();
    // Not a folder at all (a file stands where it would be): refused whoever runs the test, root included.
    fs.writeFileSync(path.join(base, 'berkas'), 'bukan folder');
    const logger = createMemoryLogger();
    await expect(startCoreRelay({ dataDir: path.join(base, 'berkas', 'data'), mode: 'test', logger })).rejects.toMatchObject({ code: 'data_dir_unwritable' });
    // A folder this process already holds: the worker is refused with the sentence naming the holder.
    const held = path.join(base, 'held');
    const core = createCore({ dataDir: held, logger: createMemoryLogger() });
    try {
      await expect(startCoreRelay({ dataDir: held, mode: 'test', logger })).rejects.toMatchObject({ code: 'data_dir_in_use', message: expect.stringMatching(/^Folder data ini sedang dipakai/) });
    } finally {
      core.close();
    }
    // Once free, the folder opens in a worker.
    const { relay } = await relayOn(held);
    expect((await relay.invoke('app.info')).dataDir).toBe(path.resolve(held));
  });

  it('a worker killed in the middle of an import is restarted: the call in flight gets core_restarted, the window is told, everything acknowledged is there and the database is intact', { timeout: 180_000 }, async () => {
    const dataDir = folder();
    const { relay, events, logger } = await relayOn(dataDir);
    const names = Array.from({ length: 20 }, (_, i) => `Dinas Uji ${i}`);
    for (const [i, name] of names.entries()) await relay.invoke('opd.save', { name, abbreviation: `DU${i}` });
    const upload = await relay.invoke('media.import.upload', { base64: outletsCsv(5000).toString('base64') });
    const preview = await relay.invoke('media.import.open', { uploadId: upload.uploadId, fileName: 'media.csv', kind: 'outlets' });
    const firstThread = relay.threadId;
    const before = events.length;
    const commit = relay.call('media.import.commit', { sessionId: preview.sessionId });
    // Mid-job: the commit has reported progress but not finished.
    await until(() => events.slice(before).some((e) => e.name === 'progress' && (e.payload as EventMap['progress']).done > 0 && !(e.payload as EventMap['progress']).finished));
    await relay.kill();
    expect(await commit).toMatchObject({ ok: false, error: { code: 'core_restarted', message: expect.stringMatching(/^Inti Warta berhenti tak terduga.*\(The core stopped/) } });
    // A call made while it restarts waits for the new worker and is answered.
    const list = await relay.invoke('opd.list', {});
    expect(relay.threadId).not.toBe(firstThread);
    expect(list.map((o) => o.name).sort()).toEqual([...names].sort());
    const statuses = events.filter((e) => e.name === 'core.status').map((e) => (e.payload as EventMap['core.status']).state);
    expect(statuses).toEqual(['restarting', 'running']);
    expect(events.some((e) => e.name === 'session.changed')).toBe(true);
    expect(logger.lines.map((l) => l.event)).toEqual(expect.arrayContaining(['core_relay.worker_exit', 'core_relay.restarted']));
    await relay.close();
    relays.splice(relays.indexOf(relay), 1);

    // The restarted worker released the folder on close: it opens here, intact, with every acknowledged row.
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const opd = db.prepare('SELECT name FROM opd WHERE deleted_at IS NULL').all() as { name: string }[];
      expect(opd.map((o) => o.name).sort()).toEqual([...names].sort());
    } finally {
      db.close();
    }
    const again = createCore({ dataDir, logger: createMemoryLogger() });
    expect((await again.invoke('opd.list', {})).length).toBe(names.length);
    again.close();
  });

  it('gives up after repeated deaths and answers with a clear error instead of restarting forever', { timeout: 180_000 }, async () => {
    const { relay, events } = await relayOn(folder(), { maxRestarts: 1 });
    await relay.kill();
    await relay.invoke('app.info'); // restarted once
    await relay.kill();
    await until(() => events.some((e) => e.name === 'core.status' && (e.payload as EventMap['core.status']).state === 'failed'));
    expect(await relay.call('app.info')).toMatchObject({ ok: false, error: { code: 'core_restarted', message: expect.stringMatching(/tutup Warta lalu buka lagi/) } });
  });
});
