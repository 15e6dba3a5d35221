import { formatMs, formatRatio } from './format.js';

// Formatting the shared helpers in format.js leave to their callers: missing values, whole
// seconds for prose, and which way a ratio points.

export const DASH = '—';

/** A latency that may be missing (no response completed): "—" instead of "null ms". */
export function formatOptionalMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? DASH : formatMs(ms);
}

/** For prose: "30 s" from 10 s up (a tenth of a second says nothing there), "2.0 s" below. */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const seconds = ms / 1000;
  return seconds >= 10 ? `${Math.round(seconds)}\u202fs` : `${seconds.toFixed(1)}\u202fs`;
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
