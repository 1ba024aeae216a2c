/**
 * The desk's numbers for a year (issue 14 item 6), for the screen, the reports and the workbook.
 * Counted by the month an item was received (a cohort): of what came in that month, how much is
 * closed, how many working days closing took (median, 90th percentile), how much was late. An
 * OPD's row counts its dispositions: disposed, answered, working days from disposition to answer.
 */
export interface NumbersRow {
  /** Month `01`…`12`, an OPD's id, a category, a channel. */
  key: string;
  label: string;
  received: number;
  closed: number;
  /** Working days from receiving to closing (OPD: from disposition to answer); null when none closed. */
  medianDays: number | null;
  p90Days: number | null;
  /** Finished after the deadline, or still open past it. */
  late: number;
}

export interface DeskNumbers {
  year: number;
  /** The day the counts were made (office zone): what is open is judged late against it. */
  asOf: string;
  total: NumbersRow;
  months: NumbersRow[];
  byOpd: NumbersRow[];
  byCategory: NumbersRow[];
  byChannel: NumbersRow[];
  /** Years in the span whose holiday data the office does not have: the working-day counts may be off. */
  holidaysMissing: number[];
}

/** The median (the mean of the two middle values when even), of values sorted ascending. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile by the nearest-rank method (a value that occurred), of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
