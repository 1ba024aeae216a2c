/**
 * The agencies' requests (issue 13) received in the period, per OPD: how many came, how many the
 * desk accepted or declined, how many are still open or were withdrawn. Read only; the requests
 * feature owns the table. A request counts in the period it was submitted.
 */
import type { ReportSection, ReportTable } from '../../../../shared/reports/model';
import { DELETED_NOTE, fmt, marked, percent, type ReportScope } from './scope';

interface Row {
  opd_id: string | null;
  opd_name: string | null;
  opd_deleted: string | null;
  submitted: number;
  accepted: number;
  declined: number;
  open: number;
  withdrawn: number;
}

export function requestsSection(s: ReportScope): ReportSection {
  const rows = s.ctx.db
    .prepare(
      `SELECT r.opd_id, o.name AS opd_name, o.deleted_at AS opd_deleted, count(*) AS submitted,
         sum(r.status = 'accepted') AS accepted, sum(r.status = 'declined') AS declined,
         sum(r.status IN ('submitted', 'needs_info')) AS open, sum(r.status = 'withdrawn') AS withdrawn
       FROM requests r LEFT JOIN opd o ON o.id = r.opd_id
       WHERE r.deleted_at IS NULL AND r.submitted_at >= ? AND r.submitted_at < ?
       GROUP BY r.opd_id ORDER BY submitted DESC, o.name`,
    )
    .all(new Date(s.fromMs).toISOString(), new Date(s.toMs).toISOString()) as Row[];
  const name = (r: Row) => (r.opd_id ? marked(r.opd_name, r.opd_deleted, 'OPD tanpa nama') : 'Tanpa OPD');
  const table: ReportTable = {
    id: 'requests_opd',
    title: 'Permohonan per OPD',
    columns: [
      { title: 'OPD', kind: 'text' },
      { title: 'Diajukan', kind: 'int' },
      { title: 'Diterima', kind: 'int' },
      { title: 'Ditolak', kind: 'int' },
      { title: 'Masih terbuka', kind: 'int' },
      { title: 'Ditarik', kind: 'int' },
    ],
    rows: rows.map((r) => [name(r), r.submitted, r.accepted, r.declined, r.open, r.withdrawn]),
    note: rows.some((r) => r.opd_deleted) ? DELETED_NOTE : null,
  };
  const total = (k: keyof Row) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  const submitted = total('submitted');
  return {
    id: 'requests',
    title: 'Permohonan OPD',
    summary:
      submitted === 0
        ? ['Tidak ada permohonan OPD pada periode ini.']
        : [
            `Humas menerima ${fmt(submitted)} permohonan dari ${fmt(rows.length)} OPD; ${fmt(total('accepted'))} diterima (${percent(total('accepted'), submitted)}), ${fmt(total('declined'))} ditolak, ${fmt(total('open'))} masih terbuka, dan ${fmt(total('withdrawn'))} ditarik.`,
            rows[0] ? `Permohonan terbanyak dari ${name(rows[0])} (${fmt(rows[0].submitted)}).` : '',
          ].filter(Boolean),
    tables: [table],
    charts:
      rows.length === 0
        ? []
        : [
            {
              id: 'requests_opd',
              title: 'Permohonan per OPD',
              tableId: table.id,
              orientation: 'horizontal',
              categories: rows.map(name),
              series: [
                { name: 'Diajukan', values: rows.map((r) => r.submitted) },
                { name: 'Diterima', values: rows.map((r) => r.accepted) },
              ],
            },
          ],
  };
}
