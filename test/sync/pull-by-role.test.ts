/**
 * What a device receives depends on its role: a press-room (journalist) device gets the office
 * profile and the public agenda's holidays and officials, never drafts, comments, internal
 * events or journalists' personal data; its cursor still moves past what it did not get.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLICATED_TABLES } from '../../shared/sync/replicated-tables';
import { RULEBOOK } from '../../shared/rules/rulebook';
import { removeDir } from '../support/temp-dir';
import { startTestServer, type TestServer } from './support';

let t: TestServer;
let ws: string;
const dev = { admin: { token: '', node: '' }, journalist: { token: '', node: '' } };

async function enrol(role: 'administrator' | 'journalist') {
  const code = await t.server.admin.issueCode(ws, role);
  const node = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${t.server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: ws, code, deviceId: node, deviceName: role }) });
  expect(r.status).toBe(200);
  return { token: ((await r.json()) as { token: string }).token, node };
}

async function pullAll(token: string, maxBytes = 4096): Promise<{ tables: string[]; cursor: number; pages: number }> {
  let after = 0;
  const tables: string[] = [];
  let pages = 0;
  for (;;) {
    const r = await fetch(`${t.server.url}/v1/pull?after=${after}&maxBytes=${maxBytes}`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const page = (await r.json()) as { changes: { change: { table: string } }[]; cursor: number; more: boolean };
    tables.push(...page.changes.map((c) => c.change.table));
    expect(page.cursor).toBeGreaterThanOrEqual(after);
    after = page.cursor;
    pages += 1;
    if (!page.more || pages > 200) return { tables, cursor: after, pages };
  }
}

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Humas')).id;
  dev.admin = await enrol('administrator');
  dev.journalist = await enrol('journalist');
  let counter = 0;
  const stamp = () => `${String(Date.now()).padStart(15, '0')}-${String(counter++).padStart(6, '0')}-${dev.admin.node}`;
  const change = (table: string, fields: Record<string, unknown>) => ({ hlc: stamp(), table, rowId: crypto.randomUUID(), fields });
  const changes = [
    change('office_profile', { institution: 'Pemerintah Kota Sukamaju' }),
    change('releases', { title: 'Draf rahasia' }),
    change('release_comments', { body: 'catatan internal' }),
    change('agenda_events', { title: 'Rapat tertutup' }),
    change('media_journalist', { name: 'Wartawan A', phone: '+6281200000001' }),
    change('agenda_holidays', { name: 'Tahun Baru' }),
  ];
  for (let i = 0; i < 40; i++) changes.push(change('releases', { title: `Draf ${i}` }));
  changes.push(change('opd', { name: 'Dinas Kominfo' }));
  const r = await fetch(`${t.server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${dev.admin.token}` }, body: JSON.stringify({ changes }) });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await t.close();
  removeDir(t.dir);
});

describe('pull by role', () => {
  it('a staff administrator device receives every table', async () => {
    const got = await pullAll(dev.admin.token);
    expect(new Set(got.tables)).toEqual(new Set(['office_profile', 'releases', 'release_comments', 'agenda_events', 'media_journalist', 'agenda_holidays', 'opd']));
  });

  it('a press-room device receives no drafts, comments, internal events or personal data, and still reaches the head', async () => {
    const got = await pullAll(dev.journalist.token);
    expect(new Set(got.tables)).toEqual(new Set(['office_profile', 'agenda_holidays', 'opd']));
    expect(got.cursor).toBe(await t.store.head(ws));
  });

  it('every replicated table says who may write it and who may receive it', () => {
    for (const table of Object.keys(REPLICATED_TABLES)) {
      expect(RULEBOOK, table).toHaveProperty(table);
      const rules = RULEBOOK[table as keyof typeof RULEBOOK];
      expect(rules.write, table).toBeTruthy();
      expect(rules.read.permission, table).toBeTruthy();
    }
  });
});
