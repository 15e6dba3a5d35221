import type { Outcome } from '../report/schema.js';
import { percentile } from '../runner/percentile.js';

/** One response of the steady load, in ms since the load started. */
export interface TimedResponse {
  sentMs: number;
  doneMs: number;
  latencyMs: number;
  outcome: Outcome;
}

export interface WindowRule {
  /** The p99 a protected window must stay under (2× the healthy p99). */
  limitMs: number;
  /** Requests sent within windowMs from a moment are judged together. */
  windowMs: number;
  stepMs: number;
  /** A window with fewer answers proves nothing (every connection may be stuck). */
  minResponses: number;
  /** No window may end after this: requests sent later may not have been answered yet. */
  lastEndMs: number;
}

const p99 = (latencies: number[]) => percentile(Float64Array.from(latencies).sort(), 99);

/** p99 of the responses that completed before the outage started: the healthy baseline. */
export function healthyP99(responses: TimedResponse[], outageAtMs: number): number | null {
  const before = responses.filter((r) => r.doneMs < outageAtMs).map((r) => r.latencyMs);
  return before.length ? p99(before) : null;
}

/**
 * How long after the outage started requests were fast again: the first request from which
 * the requests *sent* within windowMs got a p99 under the limit (windows tried every stepMs). By send time, because a
 * request stuck for the breaker timeout belongs to the moment it was sent, not the one it ended.
 */
export function timeToProtect(
  responses: TimedResponse[],
  outageAtMs: number,
  rule: WindowRule,
): number | null {
  const sorted = [...responses].sort((a, b) => a.sentMs - b.sentMs);
  let first = 0;
  for (let start = outageAtMs; start + rule.windowMs <= rule.lastEndMs; start += rule.stepMs) {
    while (first < sorted.length && sorted[first]!.sentMs < start) first += 1;
    const window: number[] = [];
    for (let i = first; i < sorted.length && sorted[i]!.sentMs < start + rule.windowMs; i += 1) {
      window.push(sorted[i]!.latencyMs);
    }
    // From its first request on: a window that opens on a stretch where nothing was sent (every
    // connection stuck) must not date protection back into that stretch.
    if (window.length >= rule.minResponses && p99(window) < rule.limitMs) {
      return sorted[first]!.sentMs - outageAtMs;
    }
  }
  return null;
}

/** From the heal to the first response with live recommendations (the half-open probe's). */
export function timeToHeal(responses: TimedResponse[], healedAtMs: number): number | null {
  let first: number | null = null;
  for (const r of responses) {
    if (r.outcome === 'full' && r.doneMs >= healedAtMs && (first === null || r.doneMs < first)) {
      first = r.doneMs;
    }
  }
  return first === null ? null : first - healedAtMs;
}
