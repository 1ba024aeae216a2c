/**
 * Year-over-year comparison for a year's report: the year's headline figures beside the year
 * before, each taken from the same section tables both years' reports carry (one definition of
 * every figure, so the comparison cannot disagree with the sections above it).
 */
import type { ReportSection, ReportTable } from '../../../../shared/reports/model';
import { fmt } from './scope';

type Sections = readonly ReportSection[];

const tableOf = (sections: Sections, id: string): ReportTable | undefined => sections.flatMap((s) => s.tables).find((t) => t.id === id);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
/** Sum of one numeric column over a table's rows (optionally only the first `rows` rows). */
const sumOf = (sections: Sections, id: string, col = 1, rows?: number) => (tableOf(sections, id)?.rows.slice(0, rows) ?? []).reduce((n, r) => n + num(r[col]), 0);

/** The figures compared, each read from a section table by id. */
const FIGURES: { label: string; read: (s: Sections) => number; table?: string }[] = [
  { label: 'Rilis terbit', read: (s) => sumOf(s, 'releases_month') },
  // Releases from an event published within the target: releases_ttr's first two buckets end at it (ttrBuckets).
  { label: 'Rilis dalam target waktu', read: (s) => sumOf(s, 'releases_ttr', 1, 2) },
  { label: 'Bukti tayang', read: (s) => sumOf(s, 'coverage_month') },
  { label: 'Penerima rilis', read: (s) => sumOf(s, 'distribution_kind') },
  { label: 'Kegiatan pimpinan dihadiri', read: (s) => sumOf(s, 'agenda_leaders', 2) },
  { label: 'Kegiatan pimpinan diwakilkan', read: (s) => sumOf(s, 'agenda_leaders', 3) },
  { label: 'Pemesanan ruang pers', read: (s) => num(tableOf(s, 'agenda_pressroom')?.rows[0]?.[1]) },
  { label: 'Kunjungan buku tamu', read: (s) => num(tableOf(s, 'agenda_pressroom')?.rows[1]?.[1]) },
  { label: 'Permohonan OPD', read: (s) => sumOf(s, 'requests_opd') },
  // Only in the reports of those who may read the desk: absent from both years, the row is left out.
  { label: 'Aduan diterima', read: (s) => sumOf(s, 'publicdesk_month'), table: 'publicdesk_month' },
  { label: 'Unggahan media sosial', read: (s) => sumOf(s, 'campaigns_accounts') },
];

/** "+12,5%", "−40%", "0%", or "baru" when the year before had none. */
export function change(before: number, now: number): string {
  if (before === 0) return now === 0 ? '0%' : 'baru';
  const p = ((now - before) / before) * 100;
  const text = Math.abs(p).toLocaleString('id-ID', { maximumFractionDigits: 1 });
  return p > 0 ? `+${text}%` : p < 0 ? `−${text}%` : '0%';
}

export function comparisonSection(current: Sections, previous: Sections, year: string, before: string): ReportSection {
  const rows = FIGURES.filter((f) => !f.table || tableOf(current, f.table) || tableOf(previous, f.table)).map((f) => ({ label: f.label, before: f.read(previous), now: f.read(current) }));
  const table: ReportTable = {
    id: 'comparison_year',
    title: `Perbandingan ${year} dengan ${before}`,
    columns: [
      { title: 'Ukuran', kind: 'text' },
      { title: before, kind: 'int' },
      { title: year, kind: 'int' },
      { title: 'Perubahan', kind: 'text' },
    ],
    rows: rows.map((r) => [r.label, r.before, r.now, change(r.before, r.now)]),
    note: null,
  };
  const sentence = (r: (typeof rows)[number]) => {
    if (r.before === 0 && r.now === 0) return `${r.label}: tidak ada pada ${before} maupun ${year}.`;
    if (r.before === 0) return `${r.label}: ${fmt(r.now)} pada ${year}, sedangkan pada ${before} belum ada.`;
    const word = r.now > r.before ? 'naik' : r.now < r.before ? 'turun' : 'tetap';
    return word === 'tetap' ? `${r.label} tetap ${fmt(r.now)}.` : `${r.label} ${word} ${change(r.before, r.now).replace(/^[+−]/, '')}, dari ${fmt(r.before)} menjadi ${fmt(r.now)}.`;
  };
  const nothing = rows.every((r) => r.before === 0 && r.now === 0);
  return {
    id: 'comparison',
    title: `Perbandingan dengan tahun ${before}`,
    summary: nothing ? [`Tidak ada data pada ${before} maupun ${year} untuk dibandingkan.`] : rows.slice(0, 3).map(sentence),
    tables: [table],
    charts: nothing
      ? []
      : [
          {
            id: 'comparison_year',
            title: table.title,
            tableId: table.id,
            orientation: 'horizontal',
            categories: rows.map((r) => r.label),
            series: [
              { name: before, values: rows.map((r) => r.before) },
              { name: year, values: rows.map((r) => r.now) },
            ],
          },
        ],
  };
}
