/**
 * Convergence under faults: 3–5 cores on real SQLite files sync through a real server on
 * 127.0.0.1, enrolled with staff roles drawn at random (the first an administrator). A schedule is a random sequence of edits of every replicated table (values drawn
 * from the registry's field specs, so tables added later are covered by construction),
 * syncs, partitions, network faults (dropped requests, lost acknowledgements, duplicated
 * requests, reordered changes within pushes and pulled pages), restarts of devices and of
 * the server, and clock skew. Some writes are made the way an older client would, without the
 * rules' local check: the server refuses those its rules refuse for the device's role or the
 * row's state, and the device takes the office's state. After healing, every database holds
 * exactly the office's data as its role may read it (the administrator's whole, the others'
 * projected: shared/rules/projection.ts), and every change the server accepted is in its log.
 *
 * WARTA_SYNC_SCHEDULES sets the number of schedules (200 by default; 5000 for the long run).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-core';
import { WartaError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/permissions';
import { projectionFor } from '../../shared/rules/projection';
import { viewerOf } from '../../shared/rules/rulebook';
import type { Row } from '../../shared/rules/types';
import { decodeRow } from '../../shared/sync/row-codec';
import { runAsSync } from '../../electron/core/data/actor-scope';
import type { FetchLike } from '../../electron/core/sync/client';
import type { ReplicatedTable } from '../../shared/sync/replicated-tables';
import { canonicalDump } from '../support/canonical-dump';
import { removeDir, tempDir } from '../support/temp-dir';
import { fieldValues, openDevice, startTestServer, TABLES, type TestDevice, type TestServer } from './support';

const SCHEDULES = Number(process.env.WARTA_SYNC_SCHEDULES ?? 200);

type Op =
  | { kind: 'insert'; d: number; table: number; values: Record<string, unknown> }
  | { kind: 'update'; d: number; table: number; pick: number; values: Record<string, unknown> }
  | { kind: 'delete'; d: number; table: number; pick: number }
  | { kind: 'restore'; d: number; table: number; pick: number }
  | { kind: 'unchecked'; d: number; table: number; pick: number; values: Record<string, unknown> }
  | { kind: 'sync'; d: number }
  | { kind: 'partition'; d: number }
  | { kind: 'faults'; d: number; drop: number; lose: number; dup: number; shuffle: boolean }
  | { kind: 'restart'; d: number }
  | { kind: 'restartServer' }
  | { kind: 'tick'; d: number; ms: number };

const tableIdx = fc.integer({ min: 0, max: TABLES.length - 1 });
const dev = fc.integer({ min: 0, max: 4 });
const rate = fc.constantFrom(0, 0, 0.2, 0.5);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: tableIdx.chain((t) => fc.record({ kind: fc.constant('insert' as const), d: dev, table: fc.constant(t), values: fieldValues(TABLES[t] as ReplicatedTable) })) },
  {
    weight: 5,
    arbitrary: tableIdx.chain((t) =>
      fc.record({ kind: fc.constant('update' as const), d: dev, table: fc.constant(t), pick: fc.nat(50), values: fieldValues(TABLES[t] as ReplicatedTable) }),
    ),
  },
  {
    weight: 3,
    arbitrary: tableIdx.chain((t) =>
      fc.record({ kind: fc.constant('unchecked' as const), d: dev, table: fc.constant(t), pick: fc.nat(60), values: fieldValues(TABLES[t] as ReplicatedTable) }),
    ),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), d: dev, table: tableIdx, pick: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), d: dev, table: tableIdx, pick: fc.nat(50) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), d: dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), d: dev }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('faults' as const), d: dev, drop: rate, lose: rate, dup: rate, shuffle: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), d: dev }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), d: dev, ms: fc.integer({ min: 0, max: 90_000 }) }) },
);

/** Staff roles: each may read what it may write, so a device holds only the office's rows. */
const STAFF_ROLES: Role[] = ['administrator', 'editor', 'writer', 'protocol', 'media_cooperation', 'data_staff'];

const scheduleArb = fc.record({
  devices: fc.integer({ min: 3, max: 5 }),
  roles: fc.array(fc.constantFrom(...STAFF_ROLES), { minLength: 5, maxLength: 5 }),
  skews: fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: 5, maxLength: 5 }),
  ops: fc.array(opArb, { minLength: 4, maxLength: 20 }),
});

interface Net {
  partitioned: boolean;
  drop: number;
  lose: number;
  dup: number;
  shuffle: boolean;
}

function shuffled<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Real fetch to the real server, with the network's faults in between. */
function faultyFetch(net: Net, rnd: () => number, acked: Set<string>): FetchLike {
  return async (url, init) => {
    if (net.partitioned) throw new TypeError('fetch failed: network unreachable (partition)');
    if (rnd() < net.drop) throw new TypeError('fetch failed: request dropped');
    let body = init.body;
    const isPush = url.endsWith('/v1/push');
    if (isPush && net.shuffle && typeof body === 'string') {
      const parsed = JSON.parse(body) as { changes: unknown[] };
      body = JSON.stringify({ changes: shuffled(parsed.changes, rnd) });
    }
    let res = await fetch(url, { ...init, body });
    if (rnd() < net.dup) res = await fetch(url, { ...init, body });
    if (rnd() < net.lose) {
      await res.arrayBuffer();
      throw new TypeError('fetch failed: response lost');
    }
    if (isPush && res.ok) {
      const text = await res.text();
      const refused = new Set(((JSON.parse(text) as { refused?: { hlc: string }[] }).refused ?? []).map((r) => r.hlc));
      refusedByServer += refused.size;
      for (const c of (JSON.parse(String(body)) as { changes: { hlc: string }[] }).changes) if (!refused.has(c.hlc)) acked.add(c.hlc);
      return new Response(text, { status: res.status });
    }
    if (url.includes('/v1/pull') && net.shuffle && res.ok) {
      const page = (await res.json()) as { changes: unknown[] };
      return new Response(JSON.stringify({ ...page, changes: shuffled(page.changes, rnd) }), { status: 200 });
    }
    return res;
  };
}

/**
 * Device folders live in memory (/dev/shm) when the machine has it: still real SQLite files
 * through the same driver, without paying an fsync per commit thousands of times. Durability
 * is the crash test's subject (test/sync/crash-during-pull.test.ts), not this one's.
 */
const memBase = fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/warta-conv-') : null;
function deviceDir(): string {
  return memBase ? fs.mkdtempSync(path.join(memBase, 'dev-')) : tempDir('conv-dev');
}

let server: TestServer;
let serverDir: string;
let port: number;
let template: string;

beforeAll(async () => {
  serverDir = memBase ? fs.mkdtempSync(path.join(memBase, 'server-')) : tempDir('conv-server');
  server = await startTestServer({ dir: serverDir });
  port = server.server.port;
  // A migrated, empty workspace copied for every device: opening is then cheap.
  template = tempDir('conv-template');
  openDevice(template).close();
});

afterAll(async () => {
  await server.close();
  removeDir(serverDir);
  removeDir(template);
  if (memBase) removeDir(memBase);
});

function freshDeviceDir(): string {
  const dir = deviceDir();
  fs.copyFileSync(path.join(template, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  const db = new Database(path.join(dir, DATABASE_FILE));
  db.prepare("DELETE FROM local_meta WHERE key IN ('device_id', 'hlc_last')").run();
  db.close();
  return dir;
}

/**
 * A dump as a device of `role` holds it: tables it may not read empty, fields it may not read
 * empty and without clocks, rows a predicate refuses gone (and `updated_at` left out where
 * fields are withheld: it follows the newest clock, which may be a withheld field's).
 */
function projectedDump(dump: Record<string, unknown[]>, role: Role): Record<string, unknown[]> {
  const projection = projectionFor(viewerOf(role, '0000000000000000'));
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(dump)) {
    const view = projection.table(table);
    if (!view.readable) {
      out[table] = [];
      continue;
    }
    out[table] = (rows as Record<string, unknown>[])
      .filter((r) => !view.rows || view.rows(decodeRow(table as ReplicatedTable, r) as Row))
      .map((r) => {
        if (!view.hidden) return r;
        const copy: Record<string, unknown> = { ...r, updated_at: null, _hlc: { ...(r._hlc as Record<string, string>) } };
        for (const f of view.hidden) {
          copy[f] = null;
          delete (copy._hlc as Record<string, string>)[f];
        }
        return copy;
      });
  }
  return out;
}

/** A write the rulebook refuses (a workflow step that does not exist, a history row changed) is skipped. */
let refusedLocally = 0;
let refusedByServer = 0;
function ruled(write: () => unknown): void {
  try {
    write();
  } catch (err) {
    if (!(err instanceof WartaError) || typeof err.details?.rule !== 'string') throw err;
    refusedLocally += 1;
  }
}

async function restartServer(): Promise<void> {
  await server.close();
  server = await startTestServer({ dir: serverDir, port });
}

describe('convergence under partitions, faults, restarts and clock skew', () => {
  it(`converges after healing (${SCHEDULES} schedules)`, { timeout: Math.max(60_000, SCHEDULES * 1500) }, async () => {
    let schedules = 0;
    const timing = { setup: 0, ops: 0, heal: 0, cleanup: 0 };
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(scheduleArb, fc.integer(), async ({ devices: n, roles, skews, ops }, seed) => {
        schedules += 1;
        let s = seed >>> 0;
        const rnd = () => {
          s = (s * 1664525 + 1013904223) >>> 0;
          return s / 2 ** 32;
        };
        const ws = await server.server.admin.createWorkspace(`Uji ${schedules}`);
        const acked = new Set<string>();
        const nets: Net[] = [];
        const devs: TestDevice[] = [];
        const offsets: number[] = [];
        const open = (i: number, dir: string) => {
          const clock = () => Date.now() + (offsets[i] as number);
          return openDevice(dir, { clock, sync: { fetch: faultyFetch(nets[i] as Net, rnd, acked) } });
        };
        let t = performance.now();
        try {
          for (let i = 0; i < n; i++) {
            nets.push({ partitioned: false, drop: 0, lose: 0, dup: 0, shuffle: false });
            offsets.push(skews[i] as number);
            devs.push(open(i, freshDeviceDir()));
            const code = await server.server.admin.issueCode(ws.id, i === 0 ? 'administrator' : (roles[i] as Role));
            await (devs[i] as TestDevice).core.invoke('sync.configure', { serverUrl: `http://127.0.0.1:${port}`, workspace: ws.id, code, deviceName: `perangkat ${i}` });
          }
          timing.setup += performance.now() - t;
          t = performance.now();
          for (const op of ops) {
            if (op.kind === 'restartServer') {
              await restartServer();
              continue;
            }
            const i = op.d % n;
            const d = devs[i] as TestDevice;
            const m = d.core.context.mutator;
            const table = op.kind === 'insert' || op.kind === 'update' || op.kind === 'delete' || op.kind === 'restore' || op.kind === 'unchecked' ? (TABLES[op.table] as ReplicatedTable) : null;
            const pickRow = (live: boolean | null, pick: number) => {
              const ids = d.core.context.db
                .prepare(`SELECT id FROM ${table} ${live === null ? '' : live ? 'WHERE deleted_at IS NULL' : 'WHERE deleted_at IS NOT NULL'} ORDER BY id`)
                .pluck()
                .all() as string[];
              return ids.length ? (ids[pick % ids.length] as string) : null;
            };
            switch (op.kind) {
              case 'insert':
                ruled(() => m.insert(table as ReplicatedTable, op.values as never));
                break;
              case 'update': {
                const id = pickRow(true, op.pick);
                if (id) ruled(() => m.update(table as ReplicatedTable, id, op.values as never));
                break;
              }
              case 'delete': {
                const id = pickRow(true, op.pick);
                if (id) ruled(() => m.remove(table as ReplicatedTable, id));
                break;
              }
              case 'restore': {
                const id = pickRow(false, op.pick);
                if (id) ruled(() => m.restore(table as ReplicatedTable, id));
                break;
              }
              case 'unchecked': {
                // As an older client writes: no local rule check; the server judges it.
                const id = pickRow(null, op.pick) ?? crypto.randomUUID();
                runAsSync(() => m.write(table as ReplicatedTable, op.pick % 4 === 0 ? crypto.randomUUID() : id, op.values as never));
                break;
              }
              case 'sync':
                await d.engine.syncNow();
                break;
              case 'partition':
                (nets[i] as Net).partitioned = !(nets[i] as Net).partitioned;
                break;
              case 'faults':
                Object.assign(nets[i] as Net, { drop: op.drop, lose: op.lose, dup: op.dup, shuffle: op.shuffle });
                break;
              case 'restart':
                await d.engine.idle();
                d.close();
                devs[i] = open(i, d.dir);
                break;
              case 'tick':
                // Clocks jump ahead, but stay within the drift the server accepts (a clock
                // further ahead is refused by design: server-bad-input and guards tests).
                offsets[i] = Math.min(150_000, (offsets[i] as number) + op.ms);
                break;
            }
          }
          timing.ops += performance.now() - t;
          t = performance.now();
          // Heal: no partitions, no faults; sync until quiet.
          for (const net of nets) Object.assign(net, { partitioned: false, drop: 0, lose: 0, dup: 0 });
          let equal = false;
          for (let round = 0; round < 6 && !equal; round++) {
            for (const d of devs) {
              const st = await d.engine.syncNow();
              expect(st.state, st.message ?? '').toBe('up_to_date');
            }
            if (round === 0) continue;
            const office = canonicalDump((devs[0] as TestDevice).core.context.db);
            equal =
              devs.every((d, i) => {
                const role = i === 0 ? 'administrator' : (roles[i] as Role);
                return JSON.stringify(projectedDump(canonicalDump(d.core.context.db), role)) === JSON.stringify(projectedDump(office, role));
              }) && devs.every((d) => d.engine.status().pendingChanges === 0);
          }
          const office = canonicalDump((devs[0] as TestDevice).core.context.db);
          devs.forEach((d, i) => {
            const role = i === 0 ? 'administrator' : (roles[i] as Role);
            expect(projectedDump(canonicalDump(d.core.context.db), role), `device ${i} (${role})`).toEqual(projectedDump(office, role));
          });
          const inLog = await server.store.hasChanges(ws.id, [...acked]);
          expect([...acked].filter((h) => !inLog.has(h))).toEqual([]);
          timing.heal += performance.now() - t;
        } finally {
          t = performance.now();
          for (const d of devs) d.cleanup();
          timing.cleanup += performance.now() - t;
        }
      }),
      { numRuns: SCHEDULES, endOnFailure: true },
    );
    expect(refusedByServer, 'the schedules include changes the server refuses').toBeGreaterThan(0);
    console.log(`convergence: ${refusedLocally} writes refused locally, ${refusedByServer} changes refused by the server; ${schedules} schedules in ${((Date.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)]))));
  });
});
