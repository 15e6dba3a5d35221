// How every figure is written, the same in the console table, the narrative, the HTML report and
// the live page (this module runs in Node and, bundled, in the browser).
import type { HalfOpenProbe } from '@cbd/gateway-v2/contract';

export const NNBSP = '\u202f';
export const DASH = '—';

/** 1234567 -> "1 234 567" (grouped with narrow no-break spaces, readable in any locale). */
export function formatCount(value: number, digits = 0): string {
  const fixed = value.toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Per second: whole numbers from 100 up, one decimal below. */
export function formatRate(perSecond: number): string {
  return formatCount(perSecond, perSecond >= 100 ? 0 : 1);
}

/** 0.9994 -> "99.9 %", 1 -> "100 %", 0 -> "0 %". */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  const digits = percent === 0 || percent === 100 ? 0 : 1;
  return `${percent.toFixed(digits)}${NNBSP}%`;
}

/** 30012 -> "30.0 s", 12.4 -> "12 ms", 0.4 -> "<1 ms". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)}${NNBSP}s`;
  if (ms > 0 && ms < 1) return `<1${NNBSP}ms`;
  return `${Math.round(ms)}${NNBSP}ms`;
}

/** A latency that may be missing: "—" instead of "null ms". */
export function formatOptionalMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? DASH : formatMs(ms);
}

/** For prose: "30 s" from 10 s up (a tenth of a second says nothing there), "2.0 s" below. */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const seconds = ms / 1000;
  return seconds >= 10 ? `${Math.round(seconds)}${NNBSP}s` : `${seconds.toFixed(1)}${NNBSP}s`;
}

/** A time counted from a heal: not measured (dash), not reached before the run ended, or seconds. */
export function formatAfterHeal(ms: number | null | undefined): string {
  return ms === undefined ? DASH : ms === null ? 'not in the run' : formatSeconds(ms);
}

/** "30 s" for long waits, "15 ms" for short ones. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? formatSeconds(ms) : formatMs(ms);
}

/** 1925.3 -> "1 925×", 3.46 -> "3.5×", null -> "—". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return DASH;
  return `${formatCount(ratio, ratio >= 10 ? 0 : 1)}×`;
}

/** v2 ÷ v1 as "3 673× more"; "—" when there is no ratio. */
export function formatMore(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? DASH
    : `${formatRatio(ratio)} more`;
}

/** v1 latency ÷ v2 latency as "733× faster", or "2.0× slower" when v2 was the slower one. */
export function formatSpeedup(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return DASH;
  return ratio >= 1 ? `${formatRatio(ratio)} faster` : `${formatRatio(1 / ratio)} slower`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** How tick labels on a chart axis are written. */
export const AXIS_FORMATS = {
  ms: (v: number) => (v >= 1000 ? `${trim(v / 1000)}${NNBSP}s` : `${trim(v)}${NNBSP}ms`),
  seconds: (v: number) => `${trim(v)}${NNBSP}s`,
  /** Seconds before now on a live chart: "−30 s" ... "now". */
  ago: (v: number) => (v === 0 ? 'now' : `${v < 0 ? '−' : ''}${trim(Math.abs(v))}${NNBSP}s`),
  percent: (v: number) => `${trim(v)}${NNBSP}%`,
  count: (v: number) => formatCount(Math.round(v)),
} as const;
export type AxisFormat = keyof typeof AXIS_FORMATS;

function trim(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** A half-open probe as both pages write it: "one call let through, it timed out after 201 ms: open again". */
export function probeVerdict(probe: Pick<HalfOpenProbe, 'latencyMs' | 'result' | 'to'>): string {
  const outcome = { success: 'it succeeded', timeout: 'it timed out', failure: 'it failed' }[
    probe.result
  ];
  const after = probe.to === 'CLOSED' ? 'closed again' : 'open again';
  return `one call let through, ${outcome} after ${formatMs(probe.latencyMs)}: ${after}`;
}
