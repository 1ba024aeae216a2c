import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import { makeOpdRows, type OpdRow } from '../../scripts/demo/opd-rows';
import { migrate } from '../../electron/core/db/migrate';
import { createUuidV7 } from '../../shared/ids/uuidv7';

export interface SuiteContext {
  workDir: (name: string) => string;
  log: (line: string) => void;
}

const ROWS = 20_000;
/** Odd, and enough that a round slowed by a neighbour's fsync or CPU burst moves the median little. */
const ROUNDS = 11;

/**
 * A full collection before each timed section, so that neither side pays for garbage the other
 * (or the setup of a core) left behind; what a section allocates itself it still collects in its time.
 */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => undefined;
})();

/**
 * The baseline: the same rows into the same table (a freshly migrated workspace, so the same
 * columns and indexes) with plain better-sqlite3: one prepared statement, one transaction,
 * ids made beforehand. What remains of the difference is the cost of being sync-ready.
 */
export function rawInsert(dir: string, rows: OpdRow[]): number {
  const db = openDatabase(path.join(dir, 'raw.sqlite'));
  migrate(db);
  const stmt = db.prepare(
    'INSERT INTO opd (id, name, abbreviation, phone, email, active, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = new Date().toISOString();
  const newId = createUuidV7();
  const ids = rows.map(() => newId());
  let n = 0;
  collectGarbage();
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) stmt.run(ids[n++], r.name, r.abbreviation, r.phone, r.email, r.active ? 1 : 0, r.sort_order, now, now);
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/** The same rows through the mutation path: rule check, row + change-log entry + clocks, one transaction. */
function mutationInsert(dir: string, rows: OpdRow[]): number {
  const core = createCore({ dataDir: dir, logger: createMemoryLogger() });
  const m = core.context.mutator;
  collectGarbage();
  const t0 = performance.now();
  m.transaction(() => {
    for (const r of rows) m.insert('opd', { ...r });
  });
  const ms = performance.now() - t0;
  core.close();
  return ms;
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const rows = makeOpdRows(ROWS, 42);
  const ratios: number[] = [];
  const rawRates: number[] = [];
  const mutRates: number[] = [];
  // Warm-up at full size (code optimised, statements and file system warm), not counted.
  rawInsert(ctx.workDir('warm-raw'), rows);
  mutationInsert(ctx.workDir('warm-mut'), rows);
  // Each round measures both, alternating which goes first, so that drift in the machine's load
  // (and whatever a first section leaves to the second) falls on both alike.
  for (let i = 0; i < ROUNDS; i++) {
    const timeRaw = () => rawInsert(ctx.workDir(`raw-${i}`), rows);
    const timeMut = () => mutationInsert(ctx.workDir(`mut-${i}`), rows);
    const rawFirst = i % 2 === 0;
    const first = rawFirst ? timeRaw() : timeMut();
    const second = rawFirst ? timeMut() : timeRaw();
    const raw = rawFirst ? first : second;
    const mut = rawFirst ? second : first;
    rawRates.push(ROWS / (raw / 1000));
    mutRates.push(ROWS / (mut / 1000));
    ratios.push(raw / mut);
    ctx.log(`  round ${i + 1}: raw ${raw.toFixed(0)} ms, mutation path ${mut.toFixed(0)} ms, ratio ${(raw / mut).toFixed(2)}`);
  }
  const sortedRatios = [...ratios].sort((a, b) => a - b);

  // Single save: one call through the contract (validation, transaction, fsync), as the UI does it.
  const core = createCore({ dataDir: ctx.workDir('latency'), logger: createMemoryLogger() });
  const saves: number[] = [];
  for (let i = 0; i < 600; i++) {
    const t0 = performance.now();
    const r = await core.call('opd.save', { name: `Dinas ${i}`, abbreviation: `D${i}`, phone: '0271 555 0101' });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error.message);
    if (i >= 100) saves.push(ms); // the first hundred warm up caches and statements
  }
  core.close();

  return [
    {
      id: 'core.mutation.ratio_vs_raw',
      value: round(median(ratios)),
      unit: 'ratio',
      target: '>= 0.6',
      note: `median of ${ROUNDS} rounds of ${ROWS} OPD rows after a full-size warm-up; each round measures raw and mutation path in the same run, alternating which goes first, each from a collected heap; rounds ranged ${round(sortedRatios[0] ?? 0)}–${round(sortedRatios[sortedRatios.length - 1] ?? 0)}, middle half ${round(percentile(ratios, 25))}–${round(percentile(ratios, 75))}`,
    },
    { id: 'core.mutation.rows_per_s', value: Math.round(median(mutRates)), unit: 'rows/s', target: '>= 1000', note: 'mutation path, batched in one transaction' },
    { id: 'core.raw_insert.rows_per_s', value: Math.round(median(rawRates)), unit: 'rows/s', target: '>= 1000', note: 'raw better-sqlite3 baseline of the ratio' },
    {
      id: 'core.save.latency_p95_ms',
      value: round(percentile(saves, 95)),
      unit: 'ms',
      target: '<= 5',
      note: `p95 of ${saves.length} single opd.save calls (validation + transaction + fsync, synchronous=FULL); median ${round(median(saves))} ms`,
    },
  ];
}
