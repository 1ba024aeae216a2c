/**
 * Sync benchmarks (`npx tsx bench/run.ts sync`):
 * - sync.first_full.ratio_vs_raw: a fresh device's first full sync of 20,000 rows (pull over
 *   HTTP on 127.0.0.1, apply through the merge path) against a plain batched insert of the same rows;
 * - sync.incremental_100.round_trip_ms: 100 edits pushed by one device and pulled by another;
 * - sync.server.push_changes_per_s.{sqlite,postgres}: server push throughput, 4 devices at once;
 * - sync.server.rss_mb_20_devices: RSS of a separate server process with 20 devices connected;
 * - sync.convergence.schedules_passed: with WARTA_SYNC_SCHEDULES=N, the convergence property test's long mode.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { createCore, type Core } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { syncEngineOf } from '../../electron/core/sync/engine';
import { startSyncServer } from '../../server/app';
import type { SyncStore } from '../../server/store';
import { openPostgresStore } from '../../server/store-postgres';
import { openSqliteStore } from '../../server/store-sqlite';
import { makeOpdRows } from '../../scripts/demo/opd-rows';
import { findPgBin, startPgCluster } from '../../test/sync/postgres-cluster';
import { median, round, type BenchmarkFigure } from '../results-format';
import { rawInsert, type SuiteContext } from './core';

const ROWS = 20_000;
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const device = (dir: string) => createCore({ dataDir: dir, logger: createMemoryLogger(), sync: { auto: false, deleteGuard: { share: 1, minimum: Infinity } } });


async function pushThroughput(store: SyncStore, total: number): Promise<number> {
  const server = await startSyncServer({ store });
  try {
    const ws = (await server.admin.createWorkspace('bench')).id;
    const devices = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const code = await server.admin.issueCode(ws, 'administrator');
        const node = crypto.randomBytes(8).toString('hex');
        const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: ws, code, deviceId: node, deviceName: 'b' }) });
        return { node, token: ((await r.json()) as { token: string }).token };
      }),
    );
    const per = total / devices.length;
    const t0 = performance.now();
    await Promise.all(
      devices.map(async (d) => {
        for (let sent = 0; sent < per; sent += 500) {
          const ms = Date.now();
          const changes = Array.from({ length: 500 }, (_, i) => ({
            hlc: `${String(ms).padStart(15, '0')}-${String(sent + i).padStart(6, '0')}-${d.node}`,
            table: 'opd',
            rowId: crypto.randomUUID(),
            fields: { name: `Dinas ${sent + i}`, abbreviation: 'D', active: true },
          }));
          const r = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${d.token}` }, body: JSON.stringify({ changes }) });
          if (r.status !== 200) throw new Error(`push ${r.status} ${await r.text()}`);
        }
      }),
    );
    return total / ((performance.now() - t0) / 1000);
  } finally {
    await server.close();
  }
}

interface ServerProcess {
  url: string;
  pid: number;
  admin(p: string, body: unknown): Promise<Record<string, string>>;
  stop(): void;
}

/** The server as people run it: its own process (`server/main.ts`), SQLite in `dir`. */
async function spawnServer(dir: string): Promise<ServerProcess> {
  const adminToken = crypto.randomBytes(16).toString('hex');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'server', 'main.ts'), '--data-dir', dir, '--port', '0', '--admin-token', adminToken], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server start timeout')), 60_000);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
  });
  return {
    url,
    pid: child.pid as number,
    admin: async (p, body) =>
      (await (await fetch(`${url}${p}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: JSON.stringify(body) })).json()) as Record<string, string>,
    stop: () => child.kill('SIGTERM'),
  };
}

async function enrolAt(core: Core, server: ServerProcess, ws: string): Promise<void> {
  const { code } = await server.admin('/v1/admin/codes', { workspace: ws, role: 'administrator' });
  await core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: code as string, deviceName: 'bench' });
}

async function serverRss(dir: string): Promise<number> {
  const srv = await spawnServer(dir);
  try {
    const url = srv.url;
    const admin = srv.admin;
    const ws = (await admin('/v1/admin/workspaces', { name: 'bench' })).id as string;
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 20; i++) {
      const code = (await admin('/v1/admin/codes', { workspace: ws, role: 'writer' })).code as string;
      const node = crypto.randomBytes(8).toString('hex');
      const token = ((await (await fetch(`${url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: ws, code, deviceId: node, deviceName: `d${i}` }) })).json()) as { token: string }).token;
      const s = new WebSocket(`${url.replace('http', 'ws')}/v1/notices`, [`warta.${token}`]);
      await new Promise((r, j) => {
        s.once('open', r);
        s.once('error', j);
      });
      sockets.push(s);
      const changes = Array.from({ length: 200 }, (_, k) => ({ hlc: `${String(Date.now()).padStart(15, '0')}-${String(k).padStart(6, '0')}-${node}`, table: 'opd', rowId: crypto.randomUUID(), fields: { name: `Dinas ${k}` } }));
      await fetch(`${url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ changes }) });
      await (await fetch(`${url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, 1000));
    const status = fs.readFileSync(`/proc/${srv.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    for (const s of sockets) s.terminate();
    return kb / 1024;
  } finally {
    srv.stop();
  }
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const figures: BenchmarkFigure[] = [];
  const rows = makeOpdRows(ROWS, 7);

  // First full sync of a fresh device vs raw batched insert; the server in its own process.
  const server = await spawnServer(ctx.workDir('server'));
  const ws = (await server.admin('/v1/admin/workspaces', { name: 'bench' })).id as string;
  const source = device(ctx.workDir('source'));
  await enrolAt(source, server, ws);
  const m = source.context.mutator;
  m.transaction(() => {
    for (const r of rows) m.insert('opd', { ...r });
  });
  const pushed = await syncEngineOf(source.context).syncNow();
  if (pushed.state !== 'up_to_date') throw new Error(pushed.message ?? pushed.state);
  const ratios: number[] = [];
  const syncMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const raw = rawInsert(ctx.workDir(`raw-${i}`), rows);
    const fresh = device(ctx.workDir(`fresh-${i}`));
    await enrolAt(fresh, server, ws);
    const t0 = performance.now();
    const st = await syncEngineOf(fresh.context).syncNow();
    const ms = performance.now() - t0;
    if (st.state !== 'up_to_date') throw new Error(st.message ?? st.state);
    fresh.close();
    ratios.push(raw / ms);
    syncMs.push(ms);
    ctx.log(`  first full sync ${ms.toFixed(0)} ms vs raw insert ${raw.toFixed(0)} ms: ratio ${(raw / ms).toFixed(3)}`);
  }
  figures.push({
    id: 'sync.first_full.ratio_vs_raw',
    value: round(median(ratios)),
    unit: 'ratio',
    target: '>= 0.3',
    note: `median of 3: fresh device pulls and applies ${ROWS} OPD rows from a server process on 127.0.0.1 (median ${Math.round(median(syncMs))} ms) vs a raw batched insert of the same rows`,
  });

  // Incremental: 100 edits on one device, pushed and pulled by another.
  const a = device(ctx.workDir('inc-a'));
  const b = device(ctx.workDir('inc-b'));
  await enrolAt(a, server, ws);
  await enrolAt(b, server, ws);
  await syncEngineOf(a.context).syncNow();
  await syncEngineOf(b.context).syncNow();
  const ids = a.context.db.prepare('SELECT id FROM opd LIMIT 1000').pluck().all() as string[];
  const trips: number[] = [];
  for (let round_ = 0; round_ < 12; round_++) {
    a.context.mutator.transaction(() => {
      for (let i = 0; i < 100; i++) a.context.mutator.update('opd', ids[(round_ * 100 + i) % ids.length] as string, { name: `Diubah ${round_}-${i}` });
    });
    const t0 = performance.now();
    await syncEngineOf(a.context).syncNow();
    const st = await syncEngineOf(b.context).syncNow();
    const ms = performance.now() - t0;
    if (st.state !== 'up_to_date') throw new Error(st.message ?? st.state);
    if (round_ >= 2) trips.push(ms);
  }
  figures.push({
    id: 'sync.incremental_100.round_trip_ms',
    value: round(median(trips)),
    unit: 'ms',
    target: '<= 300',
    note: `median of ${trips.length}: 100 edits pushed by one device and pulled and applied by another, loopback; max ${Math.round(Math.max(...trips))} ms`,
  });
  a.close();
  b.close();
  source.close();
  server.stop();

  // Server push throughput.
  const sqliteStore = openSqliteStore(ctx.workDir('push-sqlite'));
  const sqliteRate = await pushThroughput(sqliteStore, 40_000);
  await sqliteStore.close();
  figures.push({ id: 'sync.server.push_changes_per_s.sqlite', value: Math.round(sqliteRate), unit: 'changes/s', target: '>= 2000', note: '40,000 changes, 4 devices pushing pages of 500 at once, SQLite (synchronous=FULL)' });
  ctx.log(`  push throughput sqlite ${Math.round(sqliteRate)} changes/s`);
  if (findPgBin()) {
    const cluster = await startPgCluster();
    try {
      const pgStore = await openPostgresStore(cluster.url);
      const pgRate = await pushThroughput(pgStore, 40_000);
      await pgStore.close();
      figures.push({ id: 'sync.server.push_changes_per_s.postgres', value: Math.round(pgRate), unit: 'changes/s', target: '>= 2000', note: '40,000 changes, 4 devices pushing pages of 500 at once, PostgreSQL (private cluster, fsync off)' });
      ctx.log(`  push throughput postgres ${Math.round(pgRate)} changes/s`);
    } finally {
      cluster.stop();
    }
  } else {
    ctx.log('  PostgreSQL binaries absent: sync.server.push_changes_per_s.postgres not measured');
  }

  // Long mode of the convergence property test, for the benchmark run: WARTA_SYNC_SCHEDULES=5000.
  const schedules = Number(process.env.WARTA_SYNC_SCHEDULES ?? 0);
  if (schedules > 0) {
    const t0 = performance.now();
    const code = await new Promise<number>((resolve) => {
      const child = spawn(path.join(REPO, 'node_modules', '.bin', 'vitest'), ['run', 'test/sync/convergence.property.test.ts'], {
        cwd: REPO,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, WARTA_SYNC_SCHEDULES: String(schedules) },
      });
      child.once('exit', (c) => resolve(c ?? 1));
    });
    figures.push({
      id: 'sync.convergence.schedules_passed',
      value: code === 0 ? schedules : 0,
      unit: 'schedules',
      target: `>= ${schedules}`,
      note: `convergence property test in long mode: ${schedules} schedules in ${Math.round((performance.now() - t0) / 1000)} s (0 when any failed)`,
    });
  }

  const rss = await serverRss(ctx.workDir('rss'));
  figures.push({ id: 'sync.server.rss_mb_20_devices', value: round(rss, 1), unit: 'MB', target: '<= 200', note: 'RSS of a separate server process (node + tsx) with 20 enrolled devices connected over WebSocket, each having pushed 200 and pulled' });
  ctx.log(`  server RSS with 20 devices ${rss.toFixed(1)} MB`);
  return figures;
}
