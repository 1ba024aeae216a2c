/**
 * The public desk (issue 14) with 100,000 items in the current year, in the core: search p95,
 * the deadline board for one day, and the year's numbers (`publicdesk.numbers`). Items are written
 * straight into the tables (one transaction) since the figures measure reads; 30% carry a
 * disposition to one of 40 OPDs. The inbox's first paint in Chromium is not measured here yet.
 */
import { performance } from 'node:perf_hooks';
import crypto from 'node:crypto';
import { callerFor } from '../../electron/core/caller';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { addDaysToKey, dateKey } from '../../shared/agenda/zones';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from './core';

const ITEMS = 100_000;
const SEARCH_RUNS = 30;
const BOARD_RUNS = 30;
const NUMBER_RUNS = 5;
const WORDS = ['jalan berlubang', 'sampah menumpuk', 'lampu jalan mati', 'banjir', 'antrean puskesmas', 'izin usaha', 'KTP elektronik', 'drainase tersumbat'];
const CATEGORIES = ['Infrastruktur', 'Kesehatan', 'Pendidikan', 'Administrasi kependudukan', 'Lingkungan dan kebersihan', 'Sosial', 'Lainnya'];
const CHANNELS = ['instagram', 'facebook', 'x', 'tiktok', 'whatsapp', 'email', 'phone', 'letter', 'walk_in', 'lapor'];

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const core = createCore({ dataDir: ctx.workDir('desk'), logger: createMemoryLogger() });
  try {
    core.context.currentCaller = () => callerFor(null, 'Bench', ['administrator']);
    const opds: string[] = [];
    for (let i = 0; i < 40; i++) opds.push((await core.invoke('opd.save', { name: `Dinas Bench ${i + 1}`, abbreviation: `DB${i + 1}` })).id);
    const today = dateKey(Date.now(), 'WIB');
    const year = Number(today.slice(0, 4));
    const t0 = performance.now();
    const db = core.context.db;
    const item = db.prepare(
      'INSERT INTO publicdesk_items (id, kind, channel, ticket, year, seq, anonymous, person_name, consent, body, category, location, priority, status, received_at, received_date, due_date, closed_at, outcome, created_at, updated_at) VALUES (?, ?, ?, \'\', ?, ?, 0, ?, 1, ?, ?, \'\', \'normal\', ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const part = db.prepare('INSERT INTO publicdesk_parts (id, item_id, opd_id, number, kind, summary, category, location, due_date, status, answered_at, disposed_at, created_at, updated_at) VALUES (?, ?, ?, \'\', \'complaint\', ?, ?, \'\', ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ITEMS; i++) {
        const day = addDaysToKey(`${year}-01-01`, i % 365);
        const at = `${day}T02:00:00.000Z`;
        const closed = i % 10 < 7 && day < today;
        const closedAt = closed ? `${addDaysToKey(day, 1 + (i % 12))}T08:00:00.000Z` : null;
        const id = crypto.randomUUID();
        const body = `${WORDS[i % WORDS.length]} di RT ${i % 17} warga ${i}`;
        const category = CATEGORIES[i % CATEGORIES.length]!;
        item.run(id, 'complaint', CHANNELS[i % CHANNELS.length], year, i + 1, `Warga ${i}`, body, category, closed ? 'closed' : 'received', at, day, addDaysToKey(day, 7), closedAt, closed ? 'resolved' : null, at, at);
        if (i % 10 < 3) part.run(crypto.randomUUID(), id, opds[i % opds.length], body, category, addDaysToKey(day, 5), closed ? 'answered' : 'open', closedAt, at, at, at);
      }
    })();
    ctx.log(`  ${ITEMS} items written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const time = async (runs: number, f: () => Promise<unknown>) => {
      await f();
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await f();
        ms.push(performance.now() - t);
      }
      return ms;
    };
    const search = await time(SEARCH_RUNS, () => core.invoke('publicdesk.list', { query: 'lampu jalan', limit: 200 }));
    const board = await time(BOARD_RUNS, () => core.invoke('publicdesk.list', { due: 'today', limit: 200 }));
    const numbers = await time(NUMBER_RUNS, () => core.invoke('publicdesk.numbers', { year }));
    ctx.log(`  search p95 ${percentile(search, 95).toFixed(1)} ms, board p95 ${percentile(board, 95).toFixed(1)} ms, numbers median ${median(numbers).toFixed(0)} ms`);
    return [
      { id: 'desk.search_p95_ms', value: round(percentile(search, 95), 1), unit: 'ms', target: '<= 20', note: `publicdesk.list with a text query over ${ITEMS} items (first 200 rows); p95 of ${SEARCH_RUNS}` },
      { id: 'desk.board_day_ms', value: round(percentile(board, 95), 1), unit: 'ms', target: '<= 30', note: `publicdesk.list due today over ${ITEMS} items; p95 of ${BOARD_RUNS}` },
      { id: 'desk.numbers_year_ms', value: Math.round(median(numbers)), unit: 'ms', target: '<= 500', note: `publicdesk.numbers for ${year}: ${ITEMS} items and ${ITEMS * 0.3} dispositions by month, OPD, category, channel; median of ${NUMBER_RUNS}` },
    ];
  } finally {
    await core.close();
  }
}
