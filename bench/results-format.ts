/**
 * One shape for every benchmark, now and later:
 * { machine: {...}, benchmarks: [{ id: 'core.mutation.ratio_vs_raw', value, unit, target: '>= 0.5' }] }
 * Ids are prefixed by area (core., releases., agenda., media., sync., people., distribution.);
 * targets are '>= x' or '<= x' in the figure's own unit, so `meetsTarget` can check them; an
 * empty target is a figure kept for the record without one (a machine's load as much as ours).
 */
export interface BenchmarkFigure {
  id: string;
  value: number;
  unit: string;
  target: string;
  /** What was measured, in a sentence; how many samples. */
  note?: string;
}

export interface BenchResults {
  machine: Record<string, unknown>;
  startedAt: string;
  benchmarks: BenchmarkFigure[];
}

export function meetsTarget(figure: Pick<BenchmarkFigure, 'value' | 'target'>): boolean | null {
  if (figure.target.trim() === '') return null;
  const m = /^(>=|<=)\s*(-?[0-9.]+)$/.exec(figure.target.trim());
  if (!m) throw new Error(`target not of the form ">= x" or "<= x": ${figure.target}`);
  const bound = Number(m[2]);
  return m[1] === '>=' ? figure.value >= bound : figure.value <= bound;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx] as number;
}

export const round = (n: number, digits = 3) => Number(n.toFixed(digits));
