/**
 * `sync.join.overlap_ratio`: what joining costs when every office row meets a value the joining
 * device wrote before it ever synced (issue 19 item 12). Each pulled change then takes the slow
 * path: the pre-sync value is set aside (`sync_join_values`), the field takes the office's value,
 * and at the end of the pull each set-aside value is judged against the office's (here: all go to
 * the conflicts view). The figure is the speed of that join relative to a fresh device's first
 * full pull of the same rows; every answer is checked (state, one conflict per row, nothing pushed).
 */
import { performance } from 'node:perf_hooks';
import type { Core } from '../../electron/core/create-core';
import { syncEngineOf } from '../../electron/core/sync/engine';

export interface JoinOverlapOptions {
  /** The device whose rows the office holds (already pushed). */
  source: Core;
  /** A new device on its own data folder. */
  newDevice: (round: number) => Core;
  enrol: (core: Core) => Promise<void>;
  rounds: number;
  log: (line: string) => void;
}

/** Milliseconds of each round's join pull (rows overlapping the office's, all with other values). */
export async function joinWithOverlap(o: JoinOverlapOptions): Promise<number[]> {
  const rows = o.source.context.db.prepare('SELECT id, name, abbreviation FROM opd WHERE deleted_at IS NULL').all() as { id: string; name: string; abbreviation: string | null }[];
  const times: number[] = [];
  for (let i = 0; i < o.rounds; i++) {
    const joiner = o.newDevice(i);
    try {
      const m = joiner.context.mutator;
      m.transaction(() => {
        for (const r of rows) m.write('opd', r.id, { name: `${r.name} (laptop)`, abbreviation: r.abbreviation });
      });
      await o.enrol(joiner);
      const t0 = performance.now();
      const st = await syncEngineOf(joiner.context).syncNow();
      const ms = performance.now() - t0;
      if (st.state !== 'up_to_date') throw new Error(`join with overlap: ${st.message ?? st.state}`);
      if (st.openConflicts !== rows.length) throw new Error(`join with overlap: ${st.openConflicts} conflicts for ${rows.length} overlapping rows`);
      if (st.pendingChanges !== 0) throw new Error(`join with overlap: ${st.pendingChanges} changes still to push`);
      const kept = joiner.context.db.prepare("SELECT count(*) AS n FROM opd WHERE name LIKE '% (laptop)'").get() as { n: number };
      if (kept.n !== 0) throw new Error(`join with overlap: ${kept.n} rows kept the laptop's value over the office's`);
      times.push(ms);
      o.log(`  join with ${rows.length} overlapping rows: ${ms.toFixed(0)} ms`);
    } finally {
      joiner.close();
    }
  }
  return times;
}
