// Number formatting shared by the verdicts, the narrative, the table and the HTML report.

const NARROW_NBSP = '\u202f';

/** 1234567 -> "1 234 567" (grouped with narrow no-break spaces, readable in any locale). */
export function formatCount(value: number, digits = 0): string {
  const fixed = value.toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Requests per second: whole numbers from 100 up, one decimal below. */
export function formatRate(perSecond: number): string {
  return formatCount(perSecond, perSecond >= 100 ? 0 : 1);
}

/** 0.9994 -> "99.9 %". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}${NARROW_NBSP}%`;
}

/** 30012 -> "30.0 s", 12.4 -> "12 ms", 0.4 -> "<1 ms". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)}${NARROW_NBSP}s`;
  if (ms > 0 && ms < 1) return `<1${NARROW_NBSP}ms`;
  return `${Math.round(ms)}${NARROW_NBSP}ms`;
}

/** 1925.3 -> "1 925×", 3.46 -> "3.5×", null -> "—". */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${formatCount(ratio, ratio >= 10 ? 0 : 1)}×`;
}
