import type { Change } from '../../electron/core/data/change';
import type { Db } from '../../electron/core/db/open-database';
import type { ReplicatedTable } from '../../shared/sync/replicated-tables';

export function readChangeLog(db: Db): Change[] {
  const rows = db.prepare('SELECT change_id, hlc, tbl, row_id, fields FROM change_log ORDER BY seq').all() as {
    change_id: string;
    hlc: string;
    tbl: string;
    row_id: string;
    fields: string;
  }[];
  return rows.map((r) => ({ changeId: r.change_id, hlc: r.hlc, table: r.tbl as ReplicatedTable, rowId: r.row_id, fields: JSON.parse(r.fields) }));
}
