/**
 * A report's period: from and to as office-local dates (YYYY-MM-DD, both inclusive). Month,
 * quarter and year are ways of picking one; the core only sees the dates. A period that ends
 * before it starts, or spans more than ten years, is refused with a clear message.
 */
import { z } from 'zod';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Ten years: past this a report is an archive export, not something a head of office signs. */
export const PERIOD_MAX_YEARS = 10;

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus berbentuk TTTT-BB-HH' }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'Tanggal tidak ada di kalender' });

export const periodInput = z
  .object({ kind: z.enum(PERIOD_KINDS).default('custom'), from: dateKey, to: dateKey })
  .strict()
  .superRefine((p, ctx) => {
    if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Periode berakhir sebelum dimulai (the period ends before it starts)' });
    const limit = `${Number(p.from.slice(0, 4)) + PERIOD_MAX_YEARS}${p.from.slice(4)}`;
    if (p.to >= limit) ctx.addIssue({ code: 'custom', path: ['to'], message: `Periode paling panjang ${PERIOD_MAX_YEARS} tahun (a period spans at most ${PERIOD_MAX_YEARS} years)` });
  });
export type Period = z.output<typeof periodInput>;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The month, quarter or year holding `date` (YYYY-MM-DD). */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (kind === 'year') return { kind, from: `${y}-01-01`, to: `${y}-12-31` };
  const first = kind === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const last = kind === 'month' ? m : first + 2;
  return { kind, from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}

/** Every month (YYYY-MM) the period touches, in order. */
export function monthsOf(p: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const end = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    if (key > end) return out;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "Mar 2026" for chart axes; "Maret 2026" in full. */
export function monthLabel(key: string, full = false): string {
  const name = MONTHS_ID[Number(key.slice(5, 7)) - 1] ?? key;
  return `${full ? name : name.slice(0, 3)} ${key.slice(0, 4)}`;
}

/** The period in words: "Maret 2026", "Triwulan I 2026", "Tahun 2026", or the two dates. */
export function periodTitle(p: Period, longDate: (key: string) => string): string {
  if (p.kind === 'month') return monthLabel(p.from.slice(0, 7), true);
  if (p.kind === 'quarter') return `Triwulan ${['I', 'II', 'III', 'IV'][Math.floor((Number(p.from.slice(5, 7)) - 1) / 3)]} ${p.from.slice(0, 4)}`;
  if (p.kind === 'year') return `Tahun ${p.from.slice(0, 4)}`;
  return `${longDate(p.from)} s.d. ${longDate(p.to)}`;
}
