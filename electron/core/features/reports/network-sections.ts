/**
 * Coverage (proofs of publication), media partnerships (each contract's use of its quota) and
 * distribution (what the outbox sent, and to which kinds of outlet) in the period.
 */
import type { ReportSection, ReportTable } from '../../../../shared/reports/model';
import { monthLabel } from '../../../../shared/reports/period';
import { PRODUCT_LABEL, reportData } from '../media/report';
import { countBy, DELETED_NOTE, fmt, marked, percent, type ReportScope } from './scope';

const TONE_ORDER: [string | null, string][] = [
  ['positive', 'Positif'],
  ['neutral', 'Netral'],
  ['negative', 'Negatif'],
  [null, 'Belum dinilai'],
];

export const OUTLET_KIND_LABEL: Record<string, string> = { print: 'Cetak', online: 'Siber', tv: 'Televisi', radio: 'Radio', social: 'Media sosial' };
const kindLabel = (k: string | null) => (k ? (OUTLET_KIND_LABEL[k] ?? k) : 'Jenis belum diisi');

export function coverageSection(s: ReportScope): ReportSection {
  const rows = s.ctx.db
    .prepare(
      `SELECT p.published_on, p.tone, o.name AS outlet_name, o.kind, o.deleted_at AS outlet_deleted FROM media_publication p LEFT JOIN media_outlet o ON o.id = p.outlet_id
       WHERE p.deleted_at IS NULL AND p.published_on >= ? AND p.published_on <= ? ORDER BY p.published_on`,
    )
    .all(s.period.from, s.period.to) as { published_on: string; tone: string | null; outlet_name: string | null; kind: string | null; outlet_deleted: string | null }[];
  const perOutlet = countBy(rows, (r) => marked(r.outlet_name, r.outlet_deleted, 'Media tanpa nama'));
  const perKind = countBy(rows, (r) => kindLabel(r.kind));
  const perMonth = new Map(s.months.map((m) => [m, 0]));
  for (const r of rows) perMonth.set(r.published_on.slice(0, 7), (perMonth.get(r.published_on.slice(0, 7)) ?? 0) + 1);
  const outletTable: ReportTable = {
    id: 'coverage_outlet',
    title: 'Bukti tayang per media',
    columns: [{ title: 'Media', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }],
    rows: perOutlet.map(([k, n]) => [k, n]),
    note: rows.some((r) => r.outlet_deleted) ? DELETED_NOTE : null,
  };
  const kindTable: ReportTable = {
    id: 'coverage_kind',
    title: 'Bukti tayang per jenis media',
    columns: [{ title: 'Jenis media', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }, { title: 'Persentase', kind: 'percent' }],
    rows: perKind.map(([k, n]) => [k, n, percent(n, rows.length)]),
    note: null,
  };
  const monthTable: ReportTable = {
    id: 'coverage_month',
    title: 'Bukti tayang per bulan',
    columns: [{ title: 'Bulan', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }],
    rows: [...perMonth.entries()].map(([m, n]) => [monthLabel(m, true), n]),
    note: null,
  };
  const toneCount = (t: string | null) => rows.filter((r) => (r.tone ?? null) === t).length;
  const tones = TONE_ORDER.map(([k, label]) => [label, toneCount(k)] as const);
  const toneTable: ReportTable = {
    id: 'coverage_tone',
    title: 'Nada pemberitaan',
    columns: [{ title: 'Nada', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }, { title: 'Persentase', kind: 'percent' }],
    rows: tones.map(([label, n]) => [label, n, percent(n, rows.length)]),
    note: null,
  };
  const judged = rows.length - toneCount(null);
  return {
    id: 'coverage',
    title: 'Peliputan media',
    summary:
      rows.length === 0
        ? ['Tidak ada bukti tayang yang tercatat pada periode ini.']
        : [
            `Tercatat ${fmt(rows.length)} bukti tayang dari ${fmt(perOutlet.length)} media.`,
            perKind[0] ? `Jenis media dengan pemberitaan terbanyak: ${perKind[0][0]} (${fmt(perKind[0][1])} bukti tayang, ${percent(perKind[0][1], rows.length)}).` : '',
            judged > 0 ? `Dari ${fmt(judged)} bukti tayang yang dinilai nadanya, ${fmt(toneCount('positive'))} positif, ${fmt(toneCount('neutral'))} netral, dan ${fmt(toneCount('negative'))} negatif.` : '',
          ].filter(Boolean),
    tables: [outletTable, kindTable, monthTable, toneTable],
    charts:
      rows.length === 0
        ? []
        : [
            { id: 'coverage_kind', title: 'Bukti tayang per jenis media', tableId: 'coverage_kind', orientation: 'horizontal', categories: perKind.map(([k]) => k), series: [{ name: 'Bukti tayang', values: perKind.map(([, n]) => n) }] },
            { id: 'coverage_tone', title: 'Nada pemberitaan', tableId: 'coverage_tone', orientation: 'horizontal', categories: tones.map(([k]) => k), series: [{ name: 'Bukti tayang', values: tones.map(([, n]) => n) }] },
          ],
  };
}

export function partnershipsSection(s: ReportScope): ReportSection {
  const contracts = reportData(s.ctx, s.period.from, s.period.to);
  const rows = contracts.flatMap((c) => c.progress.map((p) => [c.outletName, c.number, PRODUCT_LABEL[p.product], p.quota, p.delivered, p.deliveredToDate, p.missing]));
  const behind = contracts.filter((c) => c.progress.some((p) => p.missing > 0));
  return {
    id: 'partnerships',
    title: 'Kerja sama media',
    summary:
      contracts.length === 0
        ? ['Tidak ada kontrak kerja sama media yang berjalan pada periode ini.']
        : [`${fmt(contracts.length)} kontrak kerja sama berjalan pada periode ini; ${fmt(behind.length)} di antaranya belum memenuhi seluruh kuota hingga akhir periode.`],
    tables: [
      {
        id: 'partnerships_quota',
        title: 'Pemakaian kuota kontrak',
        columns: [
          { title: 'Media', kind: 'text' },
          { title: 'Kontrak', kind: 'text' },
          { title: 'Produk', kind: 'text' },
          { title: 'Kuota', kind: 'int' },
          { title: 'Tayang pada periode', kind: 'int' },
          { title: 'Tayang s.d. akhir periode', kind: 'int' },
          { title: 'Kurang', kind: 'int' },
        ],
        rows,
        note: null,
      },
    ],
    charts: [],
  };
}

const SENT_LABEL: Record<string, string> = { sent: 'Terkirim', refused: 'Ditolak', uncertain: 'Tidak pasti', other: 'Masih diproses atau dibatalkan' };

export function distributionSection(s: ReportScope): ReportSection {
  const rows = s.ctx.db
    .prepare(
      `SELECT r.email_status, r.whatsapp_handed_at, o.kind FROM distribution_recipients r LEFT JOIN media_outlet o ON o.id = r.outlet_id
       WHERE r.deleted_at IS NULL AND r.created_at >= ? AND r.created_at < ?`,
    )
    .all(new Date(s.fromMs).toISOString(), new Date(s.toMs).toISOString()) as { email_status: string | null; whatsapp_handed_at: string | null; kind: string | null }[];
  const status = (st: string | null) => (st === 'sent' || st === 'refused' || st === 'uncertain' ? st : 'other');
  const counts = { sent: 0, refused: 0, uncertain: 0, other: 0 } as Record<string, number>;
  for (const r of rows) counts[status(r.email_status)] = (counts[status(r.email_status)] ?? 0) + 1;
  const whatsapp = rows.filter((r) => r.whatsapp_handed_at).length;
  const perKind = countBy(rows, (r) => kindLabel(r.kind));
  return {
    id: 'distribution',
    title: 'Distribusi rilis',
    summary:
      rows.length === 0
        ? ['Tidak ada pengiriman rilis pada periode ini.']
        : [`Rilis dikirim ke ${fmt(rows.length)} penerima; ${fmt(counts.sent ?? 0)} surel terkirim (${percent(counts.sent ?? 0, rows.length)}), ${fmt(counts.refused ?? 0)} ditolak, ${fmt(counts.uncertain ?? 0)} tidak pasti, dan ${fmt(whatsapp)} diteruskan lewat WhatsApp.`],
    tables: [
      {
        id: 'distribution_status',
        title: 'Status pengiriman surel',
        columns: [{ title: 'Status', kind: 'text' }, { title: 'Penerima', kind: 'int' }],
        rows: [...Object.entries(counts).map(([k, n]) => [SENT_LABEL[k] ?? k, n]), ['Diteruskan lewat WhatsApp', whatsapp]],
        note: null,
      },
      { id: 'distribution_kind', title: 'Penerima per jenis media', columns: [{ title: 'Jenis media', kind: 'text' }, { title: 'Penerima', kind: 'int' }], rows: perKind.map(([k, n]) => [k, n]), note: null },
    ],
    charts: [],
  };
}
