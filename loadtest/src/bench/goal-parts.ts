import { formatCount } from '../report/format.js';
import { round } from '../runner/percentile.js';
import type { Goal, TargetResult } from './schema.js';

// The pieces every goal row is made of: a draft (a goal not yet judged) and its formatting.

export type Draft = Omit<Goal, 'result'>;

export const ratio = (a: number | null, b: number | null) =>
  a !== null && b !== null && a > 0 && b > 0 ? round(a / b, 3) : null;

export const orDash = (value: number | null, format: (n: number) => string) =>
  value === null ? '—' : format(value);

export const mb = (value: number | null) => orDash(value, (n) => `${formatCount(n)} MB`);

/** The largest RSS any run of a target reached. */
export const peakOf = (target: TargetResult) => {
  const peaks = target.runs.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
  return peaks.length ? Math.max(...peaks) : null;
};
