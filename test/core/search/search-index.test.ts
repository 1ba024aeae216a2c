/**
 * The local full-text indexes (migration 0017) on real cores and SQLite files: the public desk's
 * inbox and the request board find words as prefixes, folding case and diacritics; the index
 * follows local writes, changes applied by sync, a soft delete and a row removed outright; text
 * cleared from a row (what an erasure does) leaves the index's own tables; and text that FTS5
 * would read as syntax is searched as plain words, never an error.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readChangeLog } from '../../../electron/core/data/change-log';
import { matchExpression } from '../../../electron/core/db/search-match';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

const fixtures: CoreFixture[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});

async function desk(): Promise<CoreFixture> {
  const fx = openTestCore();
  fixtures.push(fx);
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  return fx;
}

function item(over: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    kind: 'complaint' as const,
    channel: 'whatsapp' as const,
    personName: 'Siti Aminah',
    personPhone: '0812 3456 7890',
    consent: true,
    body: 'Lampu jalan mati di depan SD Negeri 3 Sukamaju.',
    category: 'Infrastruktur',
    location: 'Kec. Sukamaju Utara',
    priority: 'normal' as const,
    ...over,
  };
}

const ids = async (fx: CoreFixture, query: string) => (await fx.core.invoke('publicdesk.list', { query })).items.map((i) => i.id).sort();

describe('the public desk inbox', () => {
  it('finds words as prefixes, any case and with or without diacritics, over text, ticket, category, place and name', async () => {
    const fx = await desk();
    const lamp = await fx.core.invoke('publicdesk.receive', item());
    const cafe = await fx.core.invoke('publicdesk.receive', item({ body: 'Parkir liar di depan Café Sehat, trotoar tertutup.', personName: 'Zubaidah Ramadhani', category: 'Lainnya', location: 'Jl. Pemuda' }));
    const lapor = await fx.core.invoke('publicdesk.receive', item({ channel: 'lapor', ticket: 'LPR8812345', body: 'Antrean puskesmas sampai siang.', category: 'Kesehatan' }));

    expect(await ids(fx, 'lampu jalan')).toEqual([lamp.id]);
    expect(await ids(fx, 'lam ja')).toEqual([lamp.id]); // as a person types
    expect(await ids(fx, 'LAMPU')).toEqual([lamp.id]);
    expect(await ids(fx, 'cafe')).toEqual([cafe.id]);
    expect(await ids(fx, 'CAFÉ sehat')).toEqual([cafe.id]);
    expect(await ids(fx, 'zubaidah')).toEqual([cafe.id]);
    expect(await ids(fx, 'LPR8812')).toEqual([lapor.id]);
    expect(await ids(fx, 'kesehatan')).toEqual([lapor.id]);
    expect(await ids(fx, 'sukamaju')).toEqual([lamp.id, lapor.id].sort());
    expect(await ids(fx, 'jalan banjir')).toEqual([]); // every word must be there
    const list = await fx.core.invoke('publicdesk.list', { query: 'sukamaju', limit: 1 });
    expect(list.items).toHaveLength(1);
    expect(list.total).toBe(2);
    // Counted in the index, a merged item is left out as the list leaves it out.
    await fx.core.invoke('publicdesk.merge', { id: lapor.id, intoId: lamp.id });
    expect((await fx.core.invoke('publicdesk.list', { query: 'sukamaju', limit: 1 })).total).toBe(1);
    expect((await fx.core.invoke('publicdesk.list', { query: 'sukamaju', status: 'merged' })).items.map((i) => i.id)).toEqual([lapor.id]);
  });

  it('reads FTS5 syntax in the query as plain text: quotes, *, AND, OR, NOT, NEAR, parentheses, column filters never throw', async () => {
    const fx = await desk();
    const lamp = await fx.core.invoke('publicdesk.receive', item());
    for (const q of ['"lampu', 'lampu"', '"lampu jalan"', 'lampu*', '*', '(lampu)', 'lampu)', 'NEAR(lampu jalan)', 'lampu AND', 'AND', 'OR lampu', 'NOT', 'body:lampu', '^lampu', '-lampu', 'lampu + jalan', "l'ampu", '{body}: lampu'])
      expect(await fx.core.call('publicdesk.list', { query: q }), q).toMatchObject({ ok: true });
    expect(await ids(fx, '"lampu jalan"')).toEqual([lamp.id]);
    expect(await ids(fx, '(lampu)')).toEqual([lamp.id]);
    expect(await ids(fx, 'lampu*')).toEqual([lamp.id]);
    expect(await ids(fx, 'NEAR(lampu jalan)')).toEqual([]); // "near" is a word here, and the item has none
    expect(await ids(fx, '*** ()')).toEqual([]); // no word at all: nothing matches
    // The core keeps serving after all of it.
    expect((await fx.core.invoke('publicdesk.list', {})).items).toHaveLength(1);
  });

  it('follows a soft delete and a row removed outright', async () => {
    const fx = await desk();
    const a = await fx.core.invoke('publicdesk.receive', item());
    const b = await fx.core.invoke('publicdesk.receive', item({ body: 'Lampu taman padam.' }));
    const { db, mutator } = fx.core.context;
    mutator.transaction(() => mutator.update('publicdesk_items', a.id, { deleted_at: new Date().toISOString() }));
    expect(await ids(fx, 'lampu')).toEqual([b.id]);
    expect(mutator.forget('publicdesk_items', b.id)).toBe(true);
    expect(await ids(fx, 'lampu')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM publicdesk_fts').pluck().get()).toBe(0);
  });
});

describe('many matches', () => {
  it('pages the newest first and counts every match, whether it walks the date index or sorts the matches', async () => {
    const fx = await desk();
    const db = fx.core.context.db;
    const insert = db.prepare(
      "INSERT INTO publicdesk_items (id, kind, channel, year, seq, body, status, received_at, received_date, due_date, created_at, updated_at) VALUES (?, 'complaint', 'x', 2026, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 2600; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 2600) * 3_600_000).toISOString();
        insert.run(`item-${i}`, i + 1, i % 5 === 0 ? `Banjir di RT ${i}` : `Lampu jalan mati nomor ${i}`, i === 1 ? 'merged' : 'received', at, at.slice(0, 10), at.slice(0, 10), at, at);
      }
    })();
    const all = db.prepare("SELECT id, body, received_at FROM publicdesk_items WHERE status <> 'merged' ORDER BY received_at DESC, id DESC").all() as { id: string; body: string }[];
    for (const [query, word] of [
      ['lampu', 'Lampu'], // 2,080 matches: the date index is walked
      ['banjir', 'Banjir'], // 520: the matches are sorted
    ] as const) {
      const expected = all.filter((r) => r.body.startsWith(word));
      const page = await fx.core.invoke('publicdesk.list', { query, limit: 50 });
      expect(page.items.map((i) => i.id), query).toEqual(expected.slice(0, 50).map((r) => r.id));
      expect(page.total, query).toBe(expected.length);
    }
  });
});

describe('changes applied by sync', () => {
  it('a second device finds what it received, follows an edit, and loses a cleared name from its index', async () => {
    const a = await desk();
    const b = await desk();
    const x = await a.core.invoke('publicdesk.receive', item({ personName: 'Zubaidah Wahyuningtyas' }));
    b.core.context.mutator.applyChanges(readChangeLog(a.core.context.db, 'local'));
    expect(await ids(b, 'zubaidah lampu')).toEqual([x.id]);

    // An edit of the text on the first device, then the name cleared there (an erasure clears it so).
    const { mutator } = a.core.context;
    mutator.transaction(() => mutator.update('publicdesk_items', x.id, { body: 'Drainase tersumbat di Gang Mawar.' }));
    b.core.context.mutator.applyChanges(readChangeLog(a.core.context.db, 'local'));
    expect(await ids(b, 'lampu')).toEqual([]);
    expect(await ids(b, 'drainase mawar')).toEqual([x.id]);

    const bdb = b.core.context.db;
    const shadow = () =>
      [
        ...(bdb.prepare('SELECT block FROM publicdesk_fts_data').pluck().all() as Buffer[]).map((block) => block.toString('latin1')),
        ...(bdb.prepare('SELECT * FROM publicdesk_fts_content').raw().all() as unknown[][]).map((row) => row.join(' ')),
      ].join('\n');
    // The name is in the index's own pages before (so the check below can tell)…
    expect(shadow()).toContain('wahyuningtyas');
    expect(shadow()).toContain('Wahyuningtyas');
    mutator.transaction(() => mutator.update('publicdesk_items', x.id, { person_name: null }));
    b.core.context.mutator.applyChanges(readChangeLog(a.core.context.db, 'local'));
    // …and gone after: not found, not a term, not in the segments or the stored text.
    expect(await ids(b, 'wahyuningtyas')).toEqual([]);
    expect(await ids(b, 'drainase')).toEqual([x.id]);
    bdb.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.pd_vocab USING fts5vocab(main, 'publicdesk_fts', 'row')");
    expect(bdb.prepare("SELECT count(*) FROM temp.pd_vocab WHERE term LIKE 'wahy%' OR term LIKE 'zub%'").pluck().get()).toBe(0);
    expect(shadow()).not.toContain('wahyuningtyas');
    expect(shadow()).not.toContain('Wahyuningtyas');
    expect(shadow()).not.toContain('zubaidah');
  });
});

describe('the request board', () => {
  it('finds title, description and inviter words as prefixes, the OPD by name, and takes FTS5 syntax as text', async () => {
    const fx = await desk();
    const opd = (await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
    const start = Date.now() + 7 * 86_400_000;
    const base = { kind: 'publicity' as const, channel: 'whatsapp' as const, opdId: opd, place: 'Aula', startMs: start, endMs: start + 3_600_000, zone: 'WIB' as const, attendees: '', contactName: 'Budi', contactPhone: '081234567890', material: '' };
    const vax = await fx.core.invoke('requests.submit', { ...base, id: crypto.randomUUID(), title: 'Pencanangan Vaksinasi Polio', description: 'Peliputan di Posyandu Mawar.' });
    const fest = await fx.core.invoke('requests.submit', { ...base, id: crypto.randomUUID(), title: 'Festival Jajanan Pasar', description: 'Stand UMKM binaan.' });
    const board = async (query: string) => (await fx.core.invoke('requests.list', { query })).items.map((i) => i.id).sort();
    expect(await board('vaks pol')).toEqual([vax.id]);
    expect(await board('POSYANDU')).toEqual([vax.id]);
    expect(await board('umkm')).toEqual([fest.id]);
    expect(await board('Dinas Kesehatan')).toEqual([vax.id, fest.id].sort()); // the OPD's name, as before
    for (const q of ['"festival', 'festival*', '(festival) AND', 'NEAR(', 'title:festival', '100%_'])
      expect(await fx.core.call('requests.list', { query: q }), q).toMatchObject({ ok: true });
    expect(await board('"festival')).toEqual([fest.id]);
  });
});

it('builds a match expression of quoted prefixes, or none when there is no word', () => {
  expect(matchExpression('Lampu  jalan')).toBe('"Lampu"* "jalan"*');
  expect(matchExpression('NEAR("a" b)*')).toBe('"NEAR"* "a"* "b"*');
  expect(matchExpression('" * ( ) : ^ -')).toBeNull();
  expect(matchExpression('kafé ＡＢＣ')).toBe('"kafé"* "ABC"*');
});
