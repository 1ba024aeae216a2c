/**
 * Coverage (proofs of publication), media partnerships (each contract's use of its quota) and
 * distribution (what the outbox sent, and to which kinds of outlet) in the period.
 */
import type { ReportSection, ReportTable } from '../../../../shared/reports/model';
import { monthLabel } from '../../../../shared/reports/period';
import { PRODUCTS, type Product } from '../../../../shared/media/vocabulary';
import { PRODUCT_LABEL } from '../media/report';
import { countBy, DELETED_NOTE, fmt, marked, percent, type ReportScope } from './scope';

const TONE_ORDER: [string | null, string][] = [
  ['positive', 'Positif'],
  ['neutral', 'Netral'],
  ['negative', 'Negatif'],
  [null, 'Belum dinilai'],
];

export const OUTLET_KIND_LABEL: Record<string, string> = { print: 'Cetak', online: 'Siber', tv: 'Televisi', radio: 'Radio', social: 'Media sosial' };
const kindLabel = (k: string | null) => (k ? (OUTLET_KIND_LABEL[k] ?? k) : 'Jenis belum diisi');

/**
 * The period's proofs counted in one pass over the (date, outlet, tone) index: a year of an active
 * office holds tens of thousands; outlets' names and kinds are read once beside it.
 */
function coverageCounts(s: ReportScope) {
  const db = s.ctx.db;
  const groups = db
    .prepare(
      `SELECT outlet_id, substr(published_on, 1, 7) AS month, tone, count(*) AS n FROM media_publication INDEXED BY media_publication_period
       WHERE deleted_at IS NULL AND published_on >= ? AND published_on <= ? GROUP BY outlet_id, month, tone`,
    )
    .all(s.period.from, s.period.to) as { outlet_id: string | null; month: string; tone: string | null; n: number }[];
  const outlets = new Map(
    (db.prepare('SELECT id, name, kind, deleted_at FROM media_outlet').all() as { id: string; name: string | null; kind: string | null; deleted_at: string | null }[]).map((o) => [o.id, o]),
  );
  const sum = <K>(key: (g: (typeof groups)[number]) => K) => {
    const m = new Map<K, number>();
    for (const g of groups) m.set(key(g), (m.get(key(g)) ?? 0) + g.n);
    return [...m.entries()];
  };
  const byOutlet = sum((g) => g.outlet_id).map(([id, n]) => ({ name: outlets.get(id ?? '')?.name ?? null, deleted: outlets.get(id ?? '')?.deleted_at ?? null, n }));
  const byKind = sum((g) => outlets.get(g.outlet_id ?? '')?.kind ?? null).map(([kind, n]) => ({ kind, n }));
  const byMonth = sum((g) => g.month).map(([month, n]) => ({ month, n }));
  const byTone = sum((g) => g.tone).map(([tone, n]) => ({ tone, n }));
  return { byOutlet, byKind, byMonth, byTone };
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
const addTo = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

export function coverageSection(s: ReportScope): ReportSection {
  const c = coverageCounts(s);
  const total = c.byMonth.reduce((n, r) => n + r.n, 0);
  const outlets = new Map<string, number>();
  for (const r of c.byOutlet) addTo(outlets, marked(r.name, r.deleted, 'Media tanpa nama'), r.n);
  const kinds = new Map<string, number>();
  for (const r of c.byKind) addTo(kinds, kindLabel(r.kind), r.n);
  const perOutlet = sorted(outlets);
  const perKind = sorted(kinds);
  const perMonth = new Map(s.months.map((m) => [m, 0]));
  for (const r of c.byMonth) addTo(perMonth, r.month, r.n);
  const outletTable: ReportTable = {
    id: 'coverage_outlet',
    title: 'Bukti tayang per media',
    columns: [{ title: 'Media', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }],
    rows: perOutlet.map(([k, n]) => [k, n]),
    note: c.byOutlet.some((r) => r.deleted) ? DELETED_NOTE : null,
  };
  const kindTable: ReportTable = {
    id: 'coverage_kind',
    title: 'Bukti tayang per jenis media',
    columns: [{ title: 'Jenis media', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }, { title: 'Persentase', kind: 'percent' }],
    rows: perKind.map(([k, n]) => [k, n, percent(n, total)]),
    note: null,
  };
  const monthTable: ReportTable = {
    id: 'coverage_month',
    title: 'Bukti tayang per bulan',
    columns: [{ title: 'Bulan', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }],
    rows: [...perMonth.entries()].map(([m, n]) => [monthLabel(m, true), n]),
    note: null,
  };
  const toneCount = (t: string | null) => c.byTone.filter((r) => (TONE_ORDER.some(([k]) => k === r.tone) ? r.tone : null) === t).reduce((n, r) => n + r.n, 0);
  const tones = TONE_ORDER.map(([k, label]) => [label, toneCount(k)] as const);
  const toneTable: ReportTable = {
    id: 'coverage_tone',
    title: 'Nada pemberitaan',
    columns: [{ title: 'Nada', kind: 'text' }, { title: 'Bukti tayang', kind: 'int' }, { title: 'Persentase', kind: 'percent' }],
    rows: tones.map(([label, n]) => [label, n, percent(n, total)]),
    note: null,
  };
  const judged = total - toneCount(null);
  return {
    id: 'coverage',
    title: 'Peliputan media',
    summary:
      total === 0
        ? ['Tidak ada bukti tayang yang tercatat pada periode ini.']
        : [
            `Tercatat ${fmt(total)} bukti tayang dari ${fmt(perOutlet.length)} media.`,
            perKind[0] ? `Jenis media dengan pemberitaan terbanyak: ${perKind[0][0]} (${fmt(perKind[0][1])} bukti tayang, ${percent(perKind[0][1], total)}).` : '',
            judged > 0 ? `Dari ${fmt(judged)} bukti tayang yang dinilai nadanya, ${fmt(toneCount('positive'))} positif, ${fmt(toneCount('neutral'))} netral, dan ${fmt(toneCount('negative'))} negatif.` : '',
          ].filter(Boolean),
    tables: [outletTable, kindTable, monthTable, toneTable],
    charts:
      total === 0
        ? []
        : [
            { id: 'coverage_kind', title: 'Bukti tayang per jenis media', tableId: 'coverage_kind', orientation: 'horizontal', categories: perKind.map(([k]) => k), series: [{ name: 'Bukti tayang', values: perKind.map(([, n]) => n) }] },
            { id: 'coverage_tone', title: 'Nada pemberitaan', tableId: 'coverage_tone', orientation: 'horizontal', categories: tones.map(([k]) => k), series: [{ name: 'Bukti tayang', values: tones.map(([, n]) => n) }] },
          ],
  };
}

export function partnershipsSection(s: ReportScope): ReportSection {
  const contracts = quotaUse(s);
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

/**
 * Each contract overlapping the period, per product with a quota: delivered in the period and up
 * to its end (inside the contract's own period), and what is missing, as shared/media/quota.ts
 * defines them; counted from the (contract, product, date) index, not by reading every proof.
 */
function quotaUse(s: ReportScope) {
  const db = s.ctx.db;
  const contracts = db
    .prepare(
      `SELECT c.id, c.number, c.period_start, c.period_end, o.name AS outlet_name FROM media_contract c LEFT JOIN media_outlet o ON o.id = c.outlet_id
       WHERE c.deleted_at IS NULL AND coalesce(c.status, 'active') NOT IN ('cancelled', 'draft') AND c.period_start <= ? AND c.period_end >= ?
       ORDER BY o.name COLLATE NOCASE, c.period_start`,
    )
    .all(s.period.to, s.period.from) as { id: string; number: string | null; period_start: string; period_end: string; outlet_name: string | null }[];
  const quotas = db.prepare('SELECT product, max(quota) AS quota FROM media_contract_quota WHERE contract_id = ? AND deleted_at IS NULL AND quota > 0 GROUP BY product');
  const count = db.prepare(
    'SELECT count(*) AS n FROM media_publication INDEXED BY media_publication_quota WHERE contract_id = ? AND product = ? AND deleted_at IS NULL AND published_on >= ? AND published_on <= ?',
  );
  return contracts.map((c) => {
    const from = s.period.from > c.period_start ? s.period.from : c.period_start;
    const to = s.period.to < c.period_end ? s.period.to : c.period_end;
    const q = new Map((quotas.all(c.id) as { product: Product; quota: number }[]).map((r) => [r.product, r.quota]));
    const progress = PRODUCTS.filter((p) => q.has(p)).map((product) => {
      const quota = q.get(product) ?? 0;
      const delivered = (count.get(c.id, product, from, to) as { n: number }).n;
      const deliveredToDate = (count.get(c.id, product, c.period_start, to) as { n: number }).n;
      return { product, quota, delivered, deliveredToDate, missing: Math.max(0, quota - deliveredToDate) };
    });
    return { outletName: c.outlet_name ?? '', number: c.number ?? '', progress };
  });
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
