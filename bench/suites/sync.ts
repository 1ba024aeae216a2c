/**
 * Sync benchmarks (`npx tsx bench/run.ts sync`):
 * - sync.first_full.ratio_vs_raw: a fresh device's first full sync of 20,000 rows (pull over
 *   HTTP on 127.0.0.1, apply through the merge path) against a plain batched insert of the same rows;
 * - sync.incremental_100.round_trip_ms: 100 edits pushed by one device and pulled by another;
 * - sync.server.push_changes_per_s.{sqlite,postgres}: server push throughput, 4 devices at once;
 * - sync.server.rss_mb_20_devices: RSS of a separate server process with 20 writer devices connected;
 * - sync.server.rulecheck_ratio: push throughput with the full rule check vs without it, same run;
 * - sync.server.province_500.{push_p99_ms,rss_mb}[.postgres]: 500 devices connected for notices,
 *   pushing 20 changes each, 50 at a time (bench/support/province.ts);
 * - sync.server.erase_1m_s: the erasure of one person across a log of 1,000,000 changes (SQLite);
 * - sync.convergence.schedules_passed: with WARTA_SYNC_SCHEDULES=N, the convergence property test's long mode.
 *
 * Every answer a benchmark gets is checked: a refused change or a non-200 answer fails the run.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
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
import { eraseBench } from '../support/erase-log';
import { joinWithOverlap } from '../support/join-overlap';
import { provinceRun } from '../support/province';
import { enrolDevice, pushChecked, spawnServer, writerChanges, type ServerProcess } from '../support/sync-server-process';
import type { WireChange } from '../../shared/sync/protocol';
import { rawInsert, type SuiteContext } from './core';

const ROWS = 20_000;
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const device = (dir: string) => createCore({ dataDir: dir, logger: createMemoryLogger(), sync: { auto: false, deleteGuard: { share: 1, minimum: Infinity } } });


interface ThroughputOptions {
  role: 'administrator' | 'writer';
  changes: (d: { node: string; counter: number }, n: number) => WireChange[];
  checkRules?: boolean;
}

const opdChanges = (d: { node: string; counter: number }, n: number): WireChange[] =>
  Array.from({ length: n }, () => ({
    hlc: `${String(Date.now()).padStart(15, '0')}-${String(d.counter++ % 1_000_000).padStart(6, '0')}-${d.node}`,
    table: 'opd',
    rowId: crypto.randomUUID(),
    fields: { name: `Dinas ${d.counter}`, abbreviation: 'D', active: true },
  }));

/** Push throughput of an in-process server: 4 devices pushing pages of 500 at once; every answer checked. */
async function pushThroughput(store: SyncStore, total: number, o: ThroughputOptions = { role: 'administrator', changes: opdChanges }): Promise<number> {
  const server = await startSyncServer({ store, checkRules: o.checkRules });
  try {
    const ws = (await server.admin.createWorkspace('bench')).id;
    const devices = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const code = await server.admin.issueCode(ws, o.role);
        const node = crypto.randomBytes(8).toString('hex');
        const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: ws, code, deviceId: node, deviceName: 'b' }) });
        return { node, token: ((await r.json()) as { token: string }).token, counter: 0 };
      }),
    );
    const per = total / devices.length;
    const t0 = performance.now();
    await Promise.all(
      devices.map(async (d) => {
        for (let sent = 0; sent < per; sent += 500) await pushChecked(server.url, d, o.changes(d, 500));
      }),
    );
    return total / ((performance.now() - t0) / 1000);
  } finally {
    await server.close();
  }
}

async function enrolAt(core: Core, server: ServerProcess, ws: string): Promise<void> {
  const { code } = await server.admin('/v1/admin/codes', { workspace: ws, role: 'administrator' });
  await core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: code as string, deviceName: 'bench' });
}

/** RSS of a server process with 20 writer devices connected, each having pushed what a writer may (checked) and pulled. */
async function serverRss(dir: string): Promise<number> {
  const srv = await spawnServer({ dir });
  const sockets: WebSocket[] = [];
  try {
    const ws = (await srv.admin('/v1/admin/workspaces', { name: 'bench' })).id as string;
    for (let i = 0; i < 20; i++) {
      const d = await enrolDevice(srv.url, srv.admin, ws, 'writer', `d${i}`);
      const s = new WebSocket(`${srv.url.replace('http', 'ws')}/v1/notices`, [`warta.${d.token}`]);
      await new Promise((r, j) => {
        s.once('open', r);
        s.once('error', j);
      });
      sockets.push(s);
      const pushed = await pushChecked(srv.url, d, writerChanges(d, 200));
      if (pushed.accepted !== 200) throw new Error(`rss: ${pushed.accepted} of 200 accepted`);
      const pull = await fetch(`${srv.url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${d.token}` } });
      if (pull.status !== 200) throw new Error(`rss: pull HTTP ${pull.status}`);
      await pull.arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, 1000));
    if (sockets.some((s) => s.readyState !== s.OPEN)) throw new Error('rss: a notice socket closed');
    return srv.rssMb();
  } finally {
    for (const s of sockets) s.terminate();
    srv.stop();
  }
}

/** Writer pushes (drafts, transition rows, body updates, edits) with and without the rule check, alternating, same run. */
async function ruleCheckRatio(ctx: SuiteContext): Promise<{ ratio: number; withRules: number; without: number }> {
  const withRules: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (const check of [true, false]) {
      const store = openSqliteStore(ctx.workDir(`rules-${i}-${check}`));
      const rate = await pushThroughput(store, 20_000, { role: 'writer', changes: writerChanges as ThroughputOptions['changes'], checkRules: check });
      await store.close();
      (check ? withRules : without).push(rate);
    }
  }
  return { ratio: median(withRules) / median(without), withRules: median(withRules), without: median(without) };
}

async function province(server: ServerProcess, kind: string, ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const f = await provinceRun(server, { devices: 500, changesPerPush: 20, concurrency: 50, rounds: 2 });
  const suffix = kind === 'sqlite' ? '' : `.${kind}`;
  const note = `${kind}: 500 writer devices connected for notices, each pushing 20 changes (drafts, transition rows, body updates, edits), 50 at a time over kept-alive connections, 2 measured rounds after a warm-up round (${f.pushes} pushes, every answer checked); p50 ${Math.round(f.p50)} ms; notice to all 500 in ${Math.round(f.fanoutMs)} ms; a fresh full pull of ${f.fullPullChanges} changes in ${Math.round(f.fullPullMs)} ms`;
  ctx.log(`  province ${kind}: p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, RSS ${f.rssMb.toFixed(0)} MB`);
  return [
    { id: `sync.server.province_500.push_p99_ms${suffix}`, value: round(f.p99, 1), unit: 'ms', target: '<= 200', note },
    { id: `sync.server.province_500.rss_mb${suffix}`, value: round(f.rssMb, 1), unit: 'MB', target: '<= 300', note: `RSS of the server process (node + tsx) after the run above (${kind})` },
  ];
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const figures: BenchmarkFigure[] = [];
  const rows = makeOpdRows(ROWS, 7);

  // First full sync of a fresh device vs raw batched insert; the server in its own process.
  const server = await spawnServer({ dir: ctx.workDir('server') });
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

  // Joining with every row overlapping values the device wrote before it ever synced (join-values.ts).
  const joinMs = await joinWithOverlap({
    source,
    newDevice: (i) => device(ctx.workDir(`join-${i}`)),
    enrol: (core) => enrolAt(core, server, ws),
    rounds: 2,
    log: ctx.log,
  });
  figures.push({
    id: 'sync.join.overlap_ratio',
    value: round(median(syncMs) / median(joinMs)),
    unit: 'ratio',
    // Every change takes the slow path (read, set aside, office state, judged at the end): a few times a fresh pull.
    target: '>= 0.15',
    note: `a device that wrote its own value on each of the office's ${ROWS} OPD rows before it ever synced joins: each set aside and sent to the conflicts view (median ${Math.round(median(joinMs))} ms of 2), vs a fresh device's first full pull of the same rows; state, conflicts and nothing pushed checked`,
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
  figures.push({ id: 'sync.server.push_changes_per_s.sqlite', value: Math.round(sqliteRate), unit: 'changes/s', target: '>= 2000', note: '40,000 changes, 4 devices pushing pages of 500 at once, SQLite (synchronous=FULL); every answer checked' });
  ctx.log(`  push throughput sqlite ${Math.round(sqliteRate)} changes/s`);

  const rules = await ruleCheckRatio(ctx);
  figures.push({
    id: 'sync.server.rulecheck_ratio',
    value: round(rules.ratio),
    unit: 'ratio',
    target: '>= 0.7',
    note: `push throughput with the full rule check (${Math.round(rules.withRules)} changes/s) vs the same pushes without it (${Math.round(rules.without)} changes/s), medians of 3 alternating rounds, same run: 4 writer devices pushing drafts, transition rows, body updates and edits, SQLite`,
  });
  ctx.log(`  rule check ratio ${rules.ratio.toFixed(3)} (${Math.round(rules.withRules)} vs ${Math.round(rules.without)} changes/s)`);

  const provinceSqlite = await spawnServer({ dir: ctx.workDir('province') });
  try {
    figures.push(...(await province(provinceSqlite, 'sqlite', ctx)));
  } finally {
    provinceSqlite.stop();
  }

  const erase = await eraseBench(ctx.workDir('erase'));
  figures.push({
    id: 'sync.server.erase_1m_s',
    value: round(erase.seconds, 2),
    unit: 's',
    target: '<= 5',
    note: `one journalist's erasure pushed to a server whose log holds 1,000,000 changes (SQLite): rule check, commit, redaction of the ${erase.redacted} earlier changes of the row, WAL truncated; the log checked afterwards`,
  });
  ctx.log(`  erase across 1M changes ${erase.seconds.toFixed(2)} s`);

  if (findPgBin()) {
    const cluster = await startPgCluster();
    try {
      const pgStore = await openPostgresStore(cluster.url);
      const pgRate = await pushThroughput(pgStore, 40_000);
      await pgStore.close();
      figures.push({ id: 'sync.server.push_changes_per_s.postgres', value: Math.round(pgRate), unit: 'changes/s', target: '>= 2000', note: '40,000 changes, 4 devices pushing pages of 500 at once, PostgreSQL (private cluster, fsync off); every answer checked' });
      ctx.log(`  push throughput postgres ${Math.round(pgRate)} changes/s`);
      const provincePg = await spawnServer({ postgres: cluster.url });
      try {
        figures.push(...(await province(provincePg, 'postgres', ctx)));
      } finally {
        provincePg.stop();
      }
    } finally {
      cluster.stop();
    }
  } else {
    ctx.log('  PostgreSQL binaries absent: sync.server.push_changes_per_s.postgres and province_500 .postgres not measured');
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
  figures.push({ id: 'sync.server.rss_mb_20_devices', value: round(rss, 1), unit: 'MB', target: '<= 200', note: 'RSS of a separate server process (node + tsx) with 20 writer devices connected over WebSocket, each having pushed 200 changes a writer may make (every one accepted, checked) and pulled' });
  ctx.log(`  server RSS with 20 devices ${rss.toFixed(1)} MB`);
  return figures;
}
