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
    } finally {
      for (const p of procs) p.kill('SIGTERM');
      await Promise.all(procs.map((p) => (p.exitCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)))));
    }
  });
});
