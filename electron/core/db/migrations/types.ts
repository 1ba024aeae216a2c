import type { Db } from '../open-database';

/** One schema version. `up` runs inside a transaction; it must be additive for replicated tables. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
