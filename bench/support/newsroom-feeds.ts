/**
 * `social.newsroom_feeds_p95_ms`: the public newsroom (server/campaigns/newsroom.ts) of a log
 * holding 20,000 published releases, each with its body, served by a real server on 127.0.0.1.
 * The log is appended to the store as devices would have pushed it (one change per release row
 * and one per body update), so the projection folds the same shapes it folds in service.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { BODY_FRAGMENT } from '../../shared/releases/editor-schema';
import { percentile, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from '../suites/core';

const RELEASES = 20_000;
const REQUESTS = 200;
const FILES = ['rss.xml', 'atom.xml', 'feed.json', 'agenda.ics'];

function bodyUpdate(i: number): string {
  const doc = new Y.Doc();
  const frag = doc.getXmlFragment(BODY_FRAGMENT);
  for (const t of [`Paragraf pembuka siaran pers ${i} tentang layanan kota.`, 'Paragraf kedua dengan kutipan dan angka.']) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(t)]);
    frag.insert(frag.length, [p]);
  }
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

export async function newsroomFeeds(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const store = openSqliteStore(ctx.workDir('newsroom'));
  const server = await startSyncServer({ store });
  try {
    const ws = (await server.admin.createWorkspace('Humas Bench')).id;
    const start = Date.UTC(2024, 0, 1);
    let n = 0;
    const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-${String(n++ % 1_000_000).padStart(6, '0')}-01d5e7e701d5e7e7`;
    for (let b = 0; b < RELEASES; b += 1000) {
      const batch = [];
      for (let i = b; i < b + 1000; i++) {
        const at = start + i * 60_000;
        const day = new Date(at).toISOString().slice(0, 10);
        const rowId = `rel${String(i).padStart(8, '0')}`;
        const fields = { status: 'published', urgency: 'immediate', title: `Siaran pers ${i}`, release_date: day, published_at: new Date(at).toISOString(), writer: 'Humas' };
        const h1 = hlc(at);
        batch.push({ hlc: h1, table: 'releases', rowId, body: JSON.stringify({ hlc: h1, table: 'releases', rowId, fields }) });
        const h2 = hlc(at + 1);
        const upd = { release_id: rowId, update_b64: bodyUpdate(i) };
        batch.push({ hlc: h2, table: 'release_body_updates', rowId: `${rowId}b`, body: JSON.stringify({ hlc: h2, table: 'release_body_updates', rowId: `${rowId}b`, fields: upd }) });
      }
      await store.append(ws, batch);
    }
    const root = `${server.url}/newsroom/${ws}`;
    const get = async (file: string) => {
      const res = await fetch(`${root}/${file}`);
      if (res.status !== 200) throw new Error(`${file}: ${res.status}`);
      return (await res.text()).length;
    };
    let t = performance.now();
    await get('rss.xml');
    const cold = performance.now() - t;
    for (const f of FILES) await get(f);
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      t = performance.now();
      await get(FILES[i % FILES.length] as string);
      times.push(performance.now() - t);
    }
    ctx.log(`  newsroom feeds of ${RELEASES} releases: first ${cold.toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
    return [
      {
        id: 'social.newsroom_feeds_p95_ms',
        value: round(percentile(times, 95), 1),
        unit: 'ms',
        target: '<= 50',
        note: `p95 of ${REQUESTS} GETs of RSS/Atom/JSON Feed/iCalendar over HTTP on 127.0.0.1, ${RELEASES} published releases with bodies in the log, no change between requests (the first, folding the log, took ${cold.toFixed(0)} ms)`,
      },
    ];
  } finally {
    await server.close();
    await store.close();
  }
}
