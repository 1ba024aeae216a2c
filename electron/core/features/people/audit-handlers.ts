import type { AuditEntry } from '../../../../shared/people/audit';
import { toAuditEntry, type AuditRow } from '../../audit/audit-log';
import type { Db } from '../../db/open-database';
import type { HandlerGroup } from '../../rpc/handler-types';

interface Filters {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

/** Text typed by a person, for a LIKE pattern with ESCAPE '\\': % and _ match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function listEntries(db: Db, f: Filters): AuditEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.action) {
    // "release" matches release.approve, release.publish …; "release.approve" only itself.
    where.push("(action = ? OR action LIKE ? ESCAPE '\\')");
    args.push(f.action, `${escapeLike(f.action)}.%`);
  }
  if (f.actor) {
    where.push("actor_name LIKE ? ESCAPE '\\'");
    args.push(`%${escapeLike(f.actor)}%`);
  }
  if (f.from) {
    where.push('at >= ?');
    args.push(f.from);
  }
  if (f.to) {
    where.push('at <= ?');
    args.push(f.to);
  }
  if (f.beforeSeq) {
    where.push('seq < ?');
    args.push(f.beforeSeq);
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, f.limit) as AuditRow[]).map(toAuditEntry);
}

/** CSV for a spreadsheet: quoted, and cells a spreadsheet would run as a formula are defused. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const auditHandlers: HandlerGroup<'audit.list' | 'audit.verify' | 'audit.exportCsv'> = {
  'audit.list': (input, ctx) => listEntries(ctx.db, input),
  'audit.verify': (_input, ctx, caller) => {
    const result = ctx.audit.verify((done, total) =>
      ctx.events.emit('progress', { jobId: 'audit.verify', label: 'Memeriksa log audit', done, total, finished: false }),
    );
    ctx.events.emit('progress', { jobId: 'audit.verify', label: 'Memeriksa log audit', done: 1, total: 1, finished: true });
    ctx.audit.record(caller, { action: 'audit.verified', details: { ok: result.ok } });
    return result;
  },
  'audit.exportCsv': (input, ctx, caller) => {
    const entries = listEntries(ctx.db, { ...input, limit: Math.max(input.limit, 100_000) });
    const header = ['No', 'Waktu', 'Pelaku', 'Tindakan', 'Jenis objek', 'Id objek', 'Rincian', 'Hash'];
    const lines = [header.map(csvCell).join(',')];
    for (const e of entries.reverse()) lines.push([e.seq, e.at, e.actorName, e.action, e.targetType, e.targetId, e.details, e.hash].map(csvCell).join(','));
    ctx.audit.record(caller, { action: 'audit.exported', details: { entries: entries.length } });
    const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
    return { fileName: `log-audit-warta-${stamp}.csv`, csv: `\ufeff${lines.join('\r\n')}\r\n` };
  },
};
