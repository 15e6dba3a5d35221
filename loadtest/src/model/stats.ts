import { z } from 'zod';

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** How many per second `count` is over `ms`, rounded; 0 over no time at all. */
export function perSecond(count: number, ms: number, digits = 2): number {
  return ms > 0 ? round((count * 1000) / ms, digits) : 0;
}

/** a ÷ b, or null when the division says nothing (a side is zero or has no data). */
export function ratio(
  a: number | null | undefined,
  b: number | null | undefined,
  digits = 2,
): number | null {
  return a != null && b != null && a > 0 && b > 0 ? round(a / b, digits) : null;
}

/** Nearest-rank percentile of an ascending array; p in 0..100. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

const ms = z.number().min(0);
export const latencySummarySchema = z.strictObject({
  p50: ms,
  p90: ms,
  p99: ms,
  max: ms,
  mean: ms,
});
export type LatencySummary = z.infer<typeof latencySummarySchema>;

/** p50/p90/p99/max/mean of latencies in ms, or null when there are none. */
export function summarize(latencies: readonly number[]): LatencySummary | null {
  if (latencies.length === 0) return null;
  const sorted = Float64Array.from(latencies).sort();
  const total = latencies.reduce((sum, value) => sum + value, 0);
  return {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(total / sorted.length),
  };
}

/** The median of a list (for a bench's rounds); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
