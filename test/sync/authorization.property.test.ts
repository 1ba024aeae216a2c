/**
 * One rulebook, two judges (shared/rules): random changes by devices of every role, each
 * accepted by the server (a real one on 127.0.0.1) if and only if the core accepts the same
 * change for a person of that role in the same state; random pulls never carry a table, row or
 * field the role may not read; the core's conflict, review and refusal lists never show a field
 * the caller may not read.
 *
 * The state: one workspace on the server and one core per role (real SQLite files), all holding
 * the same rows. Each run lays down random rows (as an older server's log: unjudged), then tries
 * random changes: the core of the role judges first, as the person's write through the mutation
 * path; the same change (same stamp when the core accepted it) is pushed by that core's device.
 * Accepted changes reach every core, so the states stay the same. Bounded in runs and time.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, SIGNED_OUT } from '../../electron/core/caller';
import { permissionsOfCaller, runAsPerson } from '../../electron/core/data/actor-scope';
import { materialize, readLogEntries } from '../../electron/core/data/change-log';
import { WartaError } from '../../shared/contract/errors';
import { permissionsOf, ROLES, type Role } from '../../shared/contract/permissions';
import { canSeeField, projectionFor } from '../../shared/rules/projection';
import { rulesOf, viewerOf } from '../../shared/rules/rulebook';
import type { Row } from '../../shared/rules/types';
import { formatHlc, hlcMillis } from '../../shared/sync/hlc';
import type { PullResult, PushResult, WireChange } from '../../shared/sync/protocol';
import type { FieldValue, ReplicatedTable } from '../../shared/sync/replicated-tables';
import { rowKey } from '../../server/store';
import { removeDir } from '../support/temp-dir';
import { fieldValues, openDevice, startTestServer, TABLES, type TestDevice, type TestServer } from './support';

const RUNS = Number(process.env.WARTA_AUTH_RUNS ?? 25);

let t: TestServer;
let ws: string;
const cores = new Map<Role, TestDevice>();
const tokens = new Map<Role, string>();
const rowsOf = new Map<ReplicatedTable, string[]>();
let seedCounter = 0;
const SEED_NODE = '5eed5eed5eed5eed';
/** The OPD the contributor's device is bound to: one of the texts random rows draw, so some rows are its own. */
const CONTRIBUTOR_OPD = 'Rapat';
const opdOf = (role: Role) => (role === 'opd_contributor' ? CONTRIBUTOR_OPD : null);

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Otorisasi')).id;
  for (const role of ROLES) {
    const d = openDevice();
    cores.set(role, d);
    const code = await t.server.admin.issueCode(ws, role, undefined, null, opdOf(role));
    // The core judges as the device the server knows: a contributor's bound to its OPD.
    if (role === 'opd_contributor') d.core.context.mutator.setCeiling(permissionsOf([role]), CONTRIBUTOR_OPD);
    const r = await fetch(`${t.server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: ws, code, deviceId: d.core.info.deviceId, deviceName: role }) });
    tokens.set(role, ((await r.json()) as { token: string }).token);
  }
}, 120_000);

afterAll(async () => {
  for (const d of cores.values()) d.cleanup();
  await t.close();
  removeDir(t.dir);
});

/** Rows as an older server's log holds them: appended unjudged, applied to every core. */
async function lay(changes: WireChange[]): Promise<void> {
  await t.store.append(ws, changes.map((c) => ({ hlc: c.hlc, table: c.table, rowId: c.rowId, body: JSON.stringify(c) })));
  for (const d of cores.values()) d.core.context.mutator.applyChanges(changes as never);
}

async function push(role: Role, change: WireChange): Promise<PushResult> {
  const r = await fetch(`${t.server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(role)}` }, body: JSON.stringify({ changes: [change] }) });
  expect(r.status).toBe(200);
  return (await r.json()) as PushResult;
}

const seedArb = fc.array(
  fc.integer({ min: 0, max: TABLES.length - 1 }).chain((i) => fc.record({ table: fc.constant(TABLES[i] as ReplicatedTable), pick: fc.nat(20), fields: fieldValues(TABLES[i] as ReplicatedTable) })),
  { minLength: 3, maxLength: 12 },
);
const attemptArb = fc.array(
  fc.record({
    role: fc.constantFrom(...ROLES),
    table: fc.integer({ min: 0, max: TABLES.length - 1 }),
    pick: fc.nat(20),
    fresh: fc.boolean(),
  }).chain((a) => fieldValues(TABLES[a.table] as ReplicatedTable).map((fields) => ({ ...a, fields }))),
  { minLength: 4, maxLength: 10 },
);

describe('one rulebook for the core and the server', () => {
  it(`a change is accepted by the server iff the core accepts it for that role (${RUNS} runs)`, { timeout: Math.max(60_000, RUNS * 6000) }, async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(seedArb, attemptArb, async (seeds, attempts) => {
        // The state: new rows (history rows are never updated, even by an older server's log).
        const laid: WireChange[] = [];
        for (const s of seeds) {
          const existing = rowsOf.get(s.table) ?? [];
          const reuse = existing.length > 0 && !rulesOf(s.table)?.insertOnly && s.pick % 2 === 0;
          const rowId = reuse ? (existing[s.pick % existing.length] as string) : crypto.randomUUID();
          if (!reuse) rowsOf.set(s.table, [...existing, rowId]);
          laid.push({ hlc: formatHlc({ ms: Date.now() - 60_000, counter: seedCounter++, node: SEED_NODE }), table: s.table, rowId, fields: s.fields as Record<string, unknown> });
        }
        await lay(laid);

        for (const a of attempts) {
          const table = TABLES[a.table] as ReplicatedTable;
          const existing = rowsOf.get(table) ?? [];
          const rowId = a.fresh || existing.length === 0 ? crypto.randomUUID() : (existing[a.pick % existing.length] as string);
          const device = cores.get(a.role) as TestDevice;
          const ctx = device.core.context;
          const held = ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) !== undefined;
          let coreRefusal: string | null = null;
          try {
            runAsPerson(callerFor(null, 'Uji', [a.role]), () => ctx.mutator.write(table, rowId, a.fields as Record<string, FieldValue>));
          } catch (err) {
            if (!(err instanceof WartaError) || typeof err.details?.rule !== 'string') throw err;
            coreRefusal = err.details.rule;
          }
          let change: WireChange;
          if (coreRefusal === null) {
            const entry = readLogEntries(ctx.db, { origin: 'local' }).at(-1);
            const [c] = materialize(ctx.db, entry?.changes ?? []);
            change = c as WireChange;
          } else {
            const last = String(ctx.db.prepare("SELECT value FROM local_meta WHERE key = 'hlc_last'").pluck().get() ?? '');
            const ms = Math.max(Date.now(), last ? hlcMillis(last) + 1 : 0);
            change = { hlc: formatHlc({ ms, counter: 999_999, node: ctx.info.deviceId }), table, rowId, fields: { ...(a.fields as Record<string, unknown>), ...(held ? {} : { created_at: new Date().toISOString() }) } };
          }
          const result = await push(a.role, change);
          const where = `${a.role} ${table} ${held ? 'held' : 'new'} ${JSON.stringify(change.fields)}`;
          if (coreRefusal === null) {
            expect(result.refused, `server refused what the core accepted: ${where}`).toEqual([]);
            expect(result.accepted + result.duplicates).toBe(1);
            for (const [r, d] of cores) if (r !== a.role) d.core.context.mutator.applyChanges([change as never]);
            if (!held) rowsOf.set(table, [...existing, rowId]);
            accepted += 1;
          } else {
            expect(result.refused.map((r) => r.code), `server accepted what the core refused (${coreRefusal}): ${where}`).toEqual([coreRefusal]);
            refused += 1;
          }
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Both verdicts occurred, on every kind of rule.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });

  it('a pull never carries a table, row or field the role may not read; a row a predicate refuses is forgotten', async () => {
    for (const role of ROLES) {
      const projection = projectionFor(viewerOf(role, '0000000000000000', undefined, opdOf(role)));
      let after = 0;
      for (let page = 0; page < 200; page++) {
        const r = await fetch(`${t.server.url}/v1/pull?after=${after}&maxBytes=65536`, { headers: { authorization: `Bearer ${tokens.get(role)}` } });
        const body = (await r.json()) as PullResult;
        const keys = body.changes.map((c) => ({ table: c.change.table, rowId: c.change.rowId }));
        const current = await t.store.currentRows(ws, keys);
        for (const { change } of body.changes) {
          const view = projection.table(change.table);
          expect(view.readable, `${role} received ${change.table}`).toBe(true);
          for (const f of Object.keys(change.fields)) expect(canSeeField(projection, change.table, f), `${role} received ${change.table}.${f}`).toBe(true);
          if (view.rows) expect(view.rows(current.get(rowKey(change.table, change.rowId))?.values as Row), `${role} received a ${change.table} row its predicate refuses`).toBe(true);
        }
        for (const f of body.forget ?? []) {
          const view = projection.table(f.table);
          expect(view.rows !== null && !view.rows((current.get(rowKey(f.table, f.rowId)) ?? (await t.store.currentRows(ws, [f])).get(rowKey(f.table, f.rowId)))?.values as Row)).toBe(true);
        }
        after = body.cursor;
        if (!body.more) break;
      }
    }
  });

  it("conflict, review and refusal lists never show a field the caller may not read", async () => {
    const device = cores.get('administrator') as TestDevice;
    const db = device.core.context.db;
    const record = fc.record({ table: fc.integer({ min: 0, max: TABLES.length - 1 }), field: fc.nat(40), pick: fc.nat(20) });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ROLES, null), async (records, role) => {
        db.exec('DELETE FROM sync_conflicts; DELETE FROM sync_reviews; DELETE FROM sync_refused;');
        const at = new Date().toISOString();
        for (const r of records) {
          const table = TABLES[r.table] as ReplicatedTable;
          const fields = [...Object.keys(rulesOf(table)?.fields ?? {}), ...Object.keys(db.prepare(`SELECT * FROM ${table} LIMIT 0`).columns().reduce((o, c) => ({ ...o, [c.name]: 1 }), {}))].filter((f) => !['id', '_hlc', 'updated_at'].includes(f));
          const field = fields[r.field % fields.length] as string;
          const rows = rowsOf.get(table) ?? [crypto.randomUUID()];
          const rowId = rows[r.pick % rows.length] as string;
          const stamp = formatHlc({ ms: Date.now(), counter: r.pick, node: SEED_NODE });
          db.prepare('INSERT OR IGNORE INTO sync_conflicts (table_name, row_id, field, loser_value, loser_hlc, winner_hlc, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(table, rowId, field, '"nilai lama"', stamp, stamp, at);
          db.prepare("INSERT INTO sync_reviews (table_name, row_id, kind, detected_at) VALUES (?, ?, 'restored_after_delete', ?)").run(table, rowId, at);
          db.prepare("INSERT OR IGNORE INTO sync_refused (table_name, row_id, field, value, hlc, code, message_id, message_en, refused_at) VALUES (?, ?, ?, '\"x\"', ?, 'wrong_state', 'x', 'x', ?)").run(table, rowId, field, stamp, at);
        }
        const caller = role ? callerFor(null, 'Uji', [role]) : SIGNED_OUT;
        device.core.context.currentCaller = () => caller;
        const projection = projectionFor(viewerOf(role, device.core.info.deviceId, permissionsOfCaller(caller)));
        const readable = (table: string, field: string | null) => projection.table(table).readable && (field === null || canSeeField(projection, table, field));
        for (const c of await device.core.invoke('sync.conflicts')) expect(readable(c.table, c.field), `${role} saw conflict ${c.table}.${c.field}`).toBe(true);
        for (const r of await device.core.invoke('sync.reviews')) expect(readable(r.table, null), `${role} saw review of ${r.table}`).toBe(true);
        for (const r of await device.core.invoke('sync.refused')) expect(readable(r.table, r.field), `${role} saw refusal ${r.table}.${r.field}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
