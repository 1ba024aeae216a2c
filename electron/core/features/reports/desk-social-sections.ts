/**
 * The public desk's complaints (issue 14) and the social-media campaigns (issue 15) in the
 * period's report. Each feature owns its numbers (`publicdesk.numbers`, `campaigns.numbers`);
 * these sections only lay them out, so the report cannot count differently from the desk's own
 * workbook. The desk's section is only for callers who may run the desk (`publicdesk.manage`,
 * not on an OPD contributor's device): a role that may not read the desk gets no desk section.
 */
import { PLATFORM_LABELS, type CampaignNumbers } from '../../../../shared/campaigns/model';
import { monthLabel } from '../../../../shared/reports/period';
import type { NumbersRow } from '../../../../shared/publicdesk/numbers';
import type { CellValue, ReportSection, ReportTable } from '../../../../shared/reports/model';
import { campaignNumbers } from '../campaigns/numbers';
import { deskNumbers } from '../publicdesk/numbers';
import { boundOpd } from '../publicdesk/steps';
import { fmt, percent, type ReportScope } from './scope';

const DESK_COLUMNS: ReportTable['columns'] = [
  { title: '', kind: 'text' },
  { title: 'Diterima', kind: 'int' },
  { title: 'Selesai', kind: 'int' },
  { title: 'Terlambat', kind: 'int' },
  { title: 'Median hari kerja', kind: 'int' },
  { title: 'Persentil-90 hari kerja', kind: 'int' },
];

const deskRow = (label: string, r: NumbersRow): CellValue[] => [label, r.received, r.closed, r.late, r.medianDays, r.p90Days];

/** May this caller see the desk's numbers: the desk's own permission, and not an OPD's device. */
export function mayReadDesk(s: ReportScope): boolean {
  return s.caller.can('publicdesk.manage') && !boundOpd(s.ctx);
}

/**
 * The desk counts by the month an item was received (whole months): the period's months, each
 * from its year's numbers. A period that is exactly one calendar year also gets the year's
 * breakdowns by category, channel and OPD.
 */
export function publicdeskSection(s: ReportScope): ReportSection {
  const years = new Map<number, ReturnType<typeof deskNumbers>>();
  const yearOf = (y: number) => years.get(y) ?? years.set(y, deskNumbers(s.ctx, y)).get(y)!;
  const months = s.months
    .map((key) => ({ key, row: yearOf(Number(key.slice(0, 4))).months.find((m) => m.key === key.slice(5, 7))! }))
    .filter((m) => m.row.received > 0);
  const monthTable: ReportTable = {
    id: 'publicdesk_month',
    title: 'Aduan dan permohonan informasi per bulan diterima',
    columns: [{ title: 'Bulan', kind: 'text' }, ...DESK_COLUMNS.slice(1)],
    rows: months.map((m) => deskRow(monthLabel(m.key), m.row)),
    note: null,
  };
  const sum = (k: 'received' | 'closed' | 'late') => months.reduce((n, m) => n + m.row[k], 0);
  const received = sum('received');
  const tables = [monthTable];
  const wholeYear = s.period.from.endsWith('-01-01') && s.period.to === `${s.period.from.slice(0, 4)}-12-31`;
  if (wholeYear && received > 0) {
    const n = yearOf(Number(s.period.from.slice(0, 4)));
    const breakdown = (id: string, title: string, first: string, rows: NumbersRow[]): ReportTable => ({
      id,
      title,
      columns: [{ title: first, kind: 'text' }, ...DESK_COLUMNS.slice(1)],
      rows: rows.filter((r) => r.received > 0).map((r) => deskRow(r.label, r)),
      note: null,
    });
    tables.push(breakdown('publicdesk_category', 'Aduan per kategori', 'Kategori', n.byCategory), breakdown('publicdesk_channel', 'Aduan per kanal', 'Kanal', n.byChannel));
    // An OPD's row counts its dispositions (received = disposed to it), not items.
    tables.push({ ...breakdown('publicdesk_opd', 'Disposisi aduan per OPD', 'OPD', n.byOpd), columns: [{ title: 'OPD', kind: 'text' }, { title: 'Didisposisikan', kind: 'int' }, { title: 'Dijawab', kind: 'int' }, ...DESK_COLUMNS.slice(3)] });
  }
  // Days counted partly: the desk's numbers are by whole month of receipt.
  const partial = received > 0 && (!s.period.from.endsWith('-01') || monthEndOf(s.period.to) !== s.period.to);
  if (partial) monthTable.note = 'Angka meja aduan dihitung per bulan penuh saat aduan diterima, termasuk hari di luar periode pada bulan awal dan akhir.';
  return {
    id: 'publicdesk',
    title: 'Aduan dan Permohonan Informasi Publik',
    summary:
      received === 0
        ? ['Tidak ada aduan atau permohonan informasi yang diterima pada periode ini.']
        : [
            `Meja layanan menerima ${fmt(received)} aduan dan permohonan informasi; ${fmt(sum('closed'))} telah selesai (${percent(sum('closed'), received)}) dan ${fmt(sum('late'))} melewati tenggat.`,
          ],
    tables,
    charts:
      months.length === 0
        ? []
        : [
            {
              id: 'publicdesk_month',
              title: 'Aduan diterima dan selesai per bulan',
              tableId: monthTable.id,
              orientation: 'vertical',
              categories: months.map((m) => monthLabel(m.key)),
              series: [
                { name: 'Diterima', values: months.map((m) => m.row.received) },
                { name: 'Selesai', values: months.map((m) => m.row.closed) },
              ],
            },
          ],
  };
}

function monthEndOf(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** `campaigns.numbers` takes at most a year: a longer period is read a calendar year at a time. */
function campaignsOver(s: ReportScope): CampaignNumbers {
  const { from, to } = s.period;
  const parts: CampaignNumbers[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
    const a = [from, `${y}-01-01`].sort()[1]!;
    const b = [to, `${y}-12-31`].sort()[0]!;
    parts.push(campaignNumbers(s.ctx, a, b));
  }
  const account = new Map<string, CampaignNumbers['perAccount'][number]>();
  const campaign = new Map<string, CampaignNumbers['campaigns'][number]>();
  for (const p of parts) {
    for (const r of p.perAccount) {
      const k = `${r.platform}\n${r.account}`;
      const had = account.get(k);
      account.set(k, had ? { ...had, posts: had.posts + r.posts } : { ...r });
    }
    for (const c of p.campaigns) {
      const had = campaign.get(c.id);
      campaign.set(c.id, had ? { ...had, posts: had.posts + c.posts, themeDays: had.themeDays + c.themeDays, themeDaysWithPost: had.themeDaysWithPost + c.themeDaysWithPost } : { ...c });
    }
  }
  return {
    from,
    to,
    perAccount: [...account.values()].sort((a, b) => b.posts - a.posts || a.platform.localeCompare(b.platform) || a.account.localeCompare(b.account)),
    perWeek: parts.flatMap((p) => p.perWeek),
    campaigns: [...campaign.values()],
    releaseToFirstPost: parts.flatMap((p) => p.releaseToFirstPost),
  };
}

export function campaignsSection(s: ReportScope): ReportSection {
  const n = campaignsOver(s);
  const accountName = (r: CampaignNumbers['perAccount'][number]) => `${PLATFORM_LABELS[r.platform]} ${r.account}`;
  const accounts: ReportTable = {
    id: 'campaigns_accounts',
    title: 'Unggahan media sosial per akun',
    columns: [
      { title: 'Akun', kind: 'text' },
      { title: 'Unggahan', kind: 'int' },
    ],
    rows: n.perAccount.map((r) => [accountName(r), r.posts]),
    note: null,
  };
  const active = n.campaigns.filter((c) => c.posts > 0 || c.themeDays > 0);
  const campaigns: ReportTable = {
    id: 'campaigns_themes',
    title: 'Kampanye: unggahan dan hari tema',
    columns: [
      { title: 'Kampanye', kind: 'text' },
      { title: 'Unggahan', kind: 'int' },
      { title: 'Hari tema', kind: 'int' },
      { title: 'Hari tema dengan unggahan', kind: 'int' },
    ],
    rows: active.map((c) => [c.name || 'Kampanye tanpa nama', c.posts, c.themeDays, c.themeDaysWithPost]),
    note: null,
  };
  const posts = n.perAccount.reduce((k, r) => k + r.posts, 0);
  const lags = n.releaseToFirstPost.map((l) => l.minutes).sort((a, b) => a - b);
  const median = lags.length === 0 ? null : lags[Math.floor((lags.length - 1) / 2)]!;
  const top = n.perAccount[0];
  return {
    id: 'campaigns',
    title: 'Media Sosial dan Kampanye',
    summary:
      posts === 0
        ? ['Tidak ada unggahan media sosial yang tercatat terunggah pada periode ini.']
        : [
            `Humas mengunggah ${fmt(posts)} konten di ${fmt(n.perAccount.length)} akun media sosial${top ? `; terbanyak di ${accountName(top)} (${fmt(top.posts)})` : ''}.`,
            median === null ? '' : `${fmt(lags.length)} rilis diunggah ke media sosial, median ${fmt(median)} menit setelah rilis terbit.`,
          ].filter(Boolean),
    tables: [accounts, campaigns],
    charts:
      n.perAccount.length === 0
        ? []
        : [
            {
              id: 'campaigns_accounts',
              title: 'Unggahan per akun',
              tableId: accounts.id,
              orientation: 'horizontal',
              categories: n.perAccount.map(accountName),
              series: [{ name: 'Unggahan', values: n.perAccount.map((r) => r.posts) }],
            },
          ],
  };
}
