/**
 * Releases in the period: per month, per OPD, per topic, and the time from an event's end to its
 * release's publication against the office's target (the one-hour promise).
 */
import type { ReportSection, ReportTable } from '../../../../shared/reports/model';
import { monthLabel } from '../../../../shared/reports/period';
import { countBy, DELETED_NOTE, fmt, marked, percent, type ReportScope } from './scope';

interface Row {
  id: string;
  release_date: string;
  tags: string | null;
  event_end_at: string | null;
  published_at: string | null;
  opd_name: string | null;
  opd_deleted: string | null;
  opd_id: string | null;
}

/** Bucket bounds as multiples of the target: half, the target, twice, four times, beyond. */
export function ttrBuckets(target: number): { label: string; max: number }[] {
  const h = Math.round(target / 2);
  return [
    { label: `0–${h} menit`, max: h },
    { label: `${h + 1}–${target} menit`, max: target },
    { label: `${target + 1}–${target * 2} menit`, max: target * 2 },
    { label: `${target * 2 + 1}–${target * 4} menit`, max: target * 4 },
    { label: `> ${target * 4} menit`, max: Number.POSITIVE_INFINITY },
  ];
}

export function releasesSection(s: ReportScope): ReportSection {
  const rows = s.ctx.db
    .prepare(
      `SELECT r.id, r.release_date, r.tags, r.event_end_at, r.published_at, r.opd_id, o.name AS opd_name, o.deleted_at AS opd_deleted
       FROM releases r LEFT JOIN opd o ON o.id = r.opd_id
       WHERE r.status = 'published' AND r.deleted_at IS NULL AND r.release_date >= ? AND r.release_date <= ?
       ORDER BY r.release_date, r.id`,
    )
    .all(s.period.from, s.period.to) as Row[];
  const perMonth = new Map(s.months.map((m) => [m, 0]));
  for (const r of rows) perMonth.set(r.release_date.slice(0, 7), (perMonth.get(r.release_date.slice(0, 7)) ?? 0) + 1);
  const monthTable: ReportTable = {
    id: 'releases_month',
    title: 'Rilis terbit per bulan',
    columns: [{ title: 'Bulan', kind: 'text' }, { title: 'Rilis terbit', kind: 'int' }],
    rows: [...perMonth.entries()].map(([m, n]) => [monthLabel(m, true), n]),
    note: null,
  };
  const opd = countBy(rows, (r) => (r.opd_id ? marked(r.opd_name, r.opd_deleted, 'OPD tanpa nama') : 'Tanpa OPD'));
  const opdTable: ReportTable = {
    id: 'releases_opd',
    title: 'Rilis terbit per OPD',
    columns: [{ title: 'OPD', kind: 'text' }, { title: 'Rilis terbit', kind: 'int' }],
    rows: opd.map(([k, n]) => [k, n]),
    note: rows.some((r) => r.opd_deleted) ? DELETED_NOTE : null,
  };
  const tagged = rows.flatMap((r) => {
    let tags: unknown;
    try {
      tags = JSON.parse(r.tags ?? '[]');
    } catch {
      tags = [];
    }
    return Array.isArray(tags) && tags.length > 0 ? tags.map(String) : ['Tanpa topik'];
  });
  const topicTable: ReportTable = {
    id: 'releases_topic',
    title: 'Rilis terbit per topik',
    columns: [{ title: 'Topik', kind: 'text' }, { title: 'Rilis terbit', kind: 'int' }],
    rows: countBy(tagged, (t) => t).map(([k, n]) => [k, n]),
    note: 'Satu rilis dapat memiliki beberapa topik.',
  };
  // Time to release: from the event's end to publication, for releases written from an event.
  const minutes = rows
    .filter((r) => r.event_end_at && r.published_at)
    .map((r) => Math.max(0, Math.round((Date.parse(r.published_at as string) - Date.parse(r.event_end_at as string)) / 60_000)));
  const buckets = ttrBuckets(s.targetMinutes).map((b) => ({ ...b, n: 0 }));
  for (const m of minutes) {
    const b = buckets.find((x) => m <= x.max);
    if (b) b.n += 1;
  }
  const within = minutes.filter((m) => m <= s.targetMinutes).length;
  const ttrTable: ReportTable = {
    id: 'releases_ttr',
    title: `Waktu terbit sejak kegiatan selesai (target ${s.targetMinutes} menit)`,
    columns: [{ title: 'Rentang', kind: 'text' }, { title: 'Rilis', kind: 'int' }, { title: 'Persentase', kind: 'percent' }],
    rows: buckets.map((b) => [b.label, b.n, percent(b.n, minutes.length)]),
    note: null,
  };
  const busiest = [...perMonth.entries()].sort((a, b) => b[1] - a[1])[0];
  const summary =
    rows.length === 0
      ? ['Tidak ada rilis yang terbit pada periode ini.']
      : [
          `Pada periode ini terbit ${fmt(rows.length)} rilis${s.months.length > 1 && busiest ? `, terbanyak pada ${monthLabel(busiest[0], true)} (${fmt(busiest[1])} rilis)` : ''}.`,
          opd[0] ? `OPD yang paling sering diberitakan: ${opd[0][0]} (${fmt(opd[0][1])} rilis).` : '',
          minutes.length > 0
            ? `Dari ${fmt(minutes.length)} rilis yang ditulis dari kegiatan, ${fmt(within)} (${percent(within, minutes.length)}) terbit dalam ${s.targetMinutes} menit setelah kegiatan selesai.`
            : 'Belum ada rilis dari kegiatan yang dapat diukur waktu terbitnya.',
        ].filter(Boolean);
  return {
    id: 'releases',
    title: 'Siaran pers',
    summary,
    tables: [monthTable, opdTable, topicTable, ttrTable],
    charts:
      rows.length === 0
        ? []
        : [
            { id: 'releases_month', title: 'Rilis terbit per bulan', tableId: 'releases_month', orientation: 'vertical', categories: s.months.map((m) => monthLabel(m)), series: [{ name: 'Rilis terbit', values: [...perMonth.values()] }] },
            { id: 'releases_ttr', title: 'Sebaran waktu terbit', tableId: 'releases_ttr', orientation: 'vertical', categories: buckets.map((b) => b.label), series: [{ name: 'Rilis', values: buckets.map((b) => b.n) }] },
          ],
  };
}
