/**
 * The PostgreSQL adapter against a real PostgreSQL the test starts (private cluster in .tmp/),
 * including two server processes on one database serving one workspace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { rowKey } from '../../server/store';
import { openPostgresStore } from '../../server/store-postgres';
import { REPO_ROOT } from '../support/temp-dir';
import { findPgBin, PG_MISSING_REASON, startPgCluster, type PgCluster } from './postgres-cluster';
import { storeContract } from './store-contract';

const hasPg = findPgBin() !== null;
if (!hasPg) console.warn(PG_MISSING_REASON);

let cluster: PgCluster | null = null;

describe.skipIf(!hasPg)('PostgreSQL storage (real server on 127.0.0.1)', () => {
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 180_000);
  afterAll(() => cluster?.stop(), 60_000);

  storeContract('PostgreSQL', () => openPostgresStore((cluster as PgCluster).url, { maxConnections: 12 }));

  it("folds an older server's log into current rows when it opens the database", async () => {
    const url = (cluster as PgCluster).url;
    const store = await openPostgresStore(url);
    const ws = `fold-${crypto.randomBytes(4).toString('hex')}`;
    const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-000000-aaaaaaaaaaaaaaaa`;
    const put = (ms: number, rowId: string, fields: Record<string, unknown>) => ({ hlc: hlc(ms), table: 'opd', rowId, body: JSON.stringify({ hlc: hlc(ms), table: 'opd', rowId, fields }) });
    await store.createWorkspace(ws, 'W');
    await store.append(ws, [put(1, 'a', { name: 'Dinas A', phone: '1' }), put(2, 'a', { name: 'Dinas A2' }), put(3, 'b', { name: 'Dinas B' })]);
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DELETE FROM current_rows WHERE workspace_id = $1', [ws]);
    await client.query('UPDATE workspaces SET materialized = 0 WHERE id = $1', [ws]);
    await client.end();
    const again = await openPostgresStore(url);
    try {
      const rows = await again.currentRows(ws, [{ table: 'opd', rowId: 'a' }, { table: 'opd', rowId: 'b' }]);
      expect(rows.get(rowKey('opd', 'a'))?.values).toEqual({ name: 'Dinas A2', phone: '1' });
      expect(rows.get(rowKey('opd', 'b'))?.values).toEqual({ name: 'Dinas B' });
    } finally {
      await again.close();
    }
  });

  it('devices kept in memory by token: a revocation or re-enrolment by another process reaches this one; without its LISTEN connection it stops keeping them', { timeout: 60_000 }, async () => {
    const url = (cluster as PgCluster).url;
    const a = await openPostgresStore(url);
    const b = await openPostgresStore(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const eventually = async (check: () => Promise<boolean>) => {
      const until = Date.now() + 15_000;
      while (!(await check())) {
        if (Date.now() > until) throw new Error('the other process never saw the change');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      const ws = `cache-${crypto.randomBytes(4).toString('hex')}`;
      const id = 'abcdabcdabcdabcd';
      await a.createWorkspace(ws, 'Humas');
      for (const c of ['c1', 'c2', 'c3']) await a.addEnrolmentCode(ws, c, 'writer', Date.now() + 60_000);
      await a.addEnrolmentCode(ws, 'again', 'editor', Date.now() + 60_000, id);
      const req = (token: string) => ({ deviceId: id, name: 'Laptop', tokenHash: `${token}-${ws}`, proofTokenHash: null });
      expect(await a.redeemEnrolmentCode(ws, 'c1', req('t1'), Date.now())).toMatchObject({ kind: 'new' });
      // A keeps the device; B (another server process) revokes it.
      expect((await a.deviceByToken(`t1-${ws}`))?.revoked).toBe(false);
      expect((await a.deviceByToken(`t1-${ws}`))?.revoked).toBe(false);
      expect(await b.revokeDevice(ws, id)).toBe(true);
      expect((await b.deviceByToken(`t1-${ws}`))?.revoked).toBe(true);
      await eventually(async () => (await a.deviceByToken(`t1-${ws}`))?.revoked === true);
      // B re-enrols it with the administrator's code, with another role and token: A forgets the old token.
      expect(await b.redeemEnrolmentCode(ws, 'again', req('t2'), Date.now())).toMatchObject({ kind: 'approved', device: { role: 'editor' } });
      await eventually(async () => (await a.deviceByToken(`t1-${ws}`)) === null);
      expect((await a.deviceByToken(`t2-${ws}`))?.role).toBe('editor');
      // A's LISTEN connection dies: A can no longer hear of changes, so it asks the database every time,
      // even for a change made behind every server's back.
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE 'LISTEN%'");
      await new Promise((r) => setTimeout(r, 300));
      await admin.query('UPDATE devices SET revoked_at = 1 WHERE workspace_id = $1 AND device_id = $2', [ws, id]);
      expect((await a.deviceByToken(`t2-${ws}`))?.revoked).toBe(true);
    } finally {
      await admin.end();
      await a.close().catch(() => undefined);
      await b.close().catch(() => undefined);
    }
  });

  it('two server processes on one database: concurrent pushes to both, incremental readers of both miss nothing', { timeout: 120_000 }, async () => {
    const adminToken = crypto.randomBytes(16).toString('hex');
    const procs: ChildProcess[] = [];
    const urls: string[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts'), '--postgres', (cluster as PgCluster).url, '--port', '0', '--admin-token', adminToken], {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        procs.push(child);
        urls.push(
          await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
            let out = '';
            child.stdout?.on('data', (d: Buffer) => {
              out += String(d);
              const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
              if (m) {
                clearTimeout(timer);
                resolve(m[1] as string);
              }
            });
            child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
          }),
        );
      }
      const admin = async (url: string, p: string, body: unknown) => {
        const r = await fetch(`${url}${p}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(r.status).toBe(200);
        return (await r.json()) as Record<string, string>;
      };
      const { id: workspace } = await admin(urls[0] as string, '/v1/admin/workspaces', { name: 'Provinsi' });
      // Six writer devices, enrolled alternately through both servers.
      const writers: { token: string; node: string; url: string }[] = [];
      for (let w = 0; w < 6; w++) {
        const url = urls[w % 2] as string;
        const { code } = await admin(url, '/v1/admin/codes', { workspace, role: 'administrator' });
        const node = crypto.randomBytes(8).toString('hex');
        const r = await fetch(`${url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workspace, code, deviceId: node, deviceName: `w${w}` }) });
        expect(r.status).toBe(200);
        writers.push({ token: ((await r.json()) as { token: string }).token, node, url });
      }
      const all = new Set<string>();
      let writing = true;
      const write = async (w: (typeof writers)[number], batches: number) => {
        for (let b = 0; b < batches; b++) {
          const changes = Array.from({ length: 20 }, (_, i) => {
            const hlc = `${String(Date.now()).padStart(15, '0')}-${String(b * 20 + i).padStart(6, '0')}-${w.node}`;
            all.add(hlc);
            return { hlc, table: 'opd', rowId: crypto.randomUUID(), fields: { name: `Dinas ${b}-${i}` } };
          });
          const r = await fetch(`${urls[b % 2]}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${w.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ changes }) });
          expect(r.status).toBe(200);
        }
      };
      // Readers pull incrementally while writing goes on, alternating between the servers.
      const read = async (token: string) => {
        const seen = new Set<string>();
        let cursor = 0;
        let turn = 0;
        for (;;) {
          const stillWriting = writing;
          const r = await fetch(`${urls[turn++ % 2]}/v1/pull?after=${cursor}&maxBytes=65536`, { headers: { authorization: `Bearer ${token}` } });
          const page = (await r.json()) as { changes: { seq: number; change: { hlc: string } }[]; cursor: number; head: number; more: boolean };
          for (const c of page.changes) {
            expect(c.seq).toBe(cursor + 1);
            cursor = c.seq;
            seen.add(c.change.hlc);
          }
          if (!stillWriting && !page.more && page.cursor >= page.head) return seen;
        }
      };
      const readers = [read((writers[0] as { token: string }).token), read((writers[1] as { token: string }).token)];
      await Promise.all(writers.map((w) => write(w, 15)));
      writing = false;
      const seen = await Promise.all(readers);
      expect(all.size).toBe(6 * 15 * 20);
      for (const s of seen) expect(s.size).toBe(all.size);

      // Revoked through one server: that server refuses the device's very next request; the other
      // (which knew the device from its pushes) as soon as the database's notice reaches it.
      const gone = writers[2] as (typeof writers)[number];
      const ask = (url: string) => fetch(`${url}/v1/pull?after=0&limit=1`, { headers: { authorization: `Bearer ${gone.token}` } }).then((r) => r.status);
      expect(await ask(urls[1] as string)).toBe(200);
      expect(await admin(urls[0] as string, '/v1/admin/revoke', { workspace, deviceId: gone.node })).toEqual({ revoked: true });
      expect(await ask(urls[0] as string)).toBe(403);
      const until = Date.now() + 15_000;
      while ((await ask(urls[1] as string)) !== 403) {
        if (Date.now() > until) throw new Error('the other server still serves a revoked device after 15 s');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      for (const p of procs) p.kill('SIGTERM');
      await Promise.all(procs.map((p) => (p.exitCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)))));
    }
  });
});
