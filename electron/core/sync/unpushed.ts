/**
 * The stamps of local changes the server has not acknowledged yet. While a pulled page is
 * applied, "not yet pushed" means "nobody else can have seen it": that is what tells a
 * concurrent edit (a conflict worth showing) from a later one. Pull refreshes the set from the
 * change log, apply adds the stamps of the restores it writes, push removes what the server
 * acknowledged.
 */
import { readLogEntries } from '../data/change-log';
import type { Db } from '../db/open-database';

export class UnpushedStamps {
  private stamps = new Set<string>();

  /** Reads every local change after the pushed mark. */
  refresh(db: Db, pushedSeq: number): void {
    this.stamps = new Set(readLogEntries(db, { afterSeq: pushedSeq, origin: 'local' }).flatMap((e) => e.changes.map((c) => c[0])));
  }

  has(hlc: string): boolean {
    return this.stamps.has(hlc);
  }

  add(hlc: string): void {
    this.stamps.add(hlc);
  }

  delete(hlc: string): void {
    this.stamps.delete(hlc);
  }
}
