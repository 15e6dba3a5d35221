import { UpstreamError } from '@cbd/common';
import CircuitBreaker from 'opossum';

export interface BreakerSettings {
  /** A call slower than this fails (and its request is aborted). */
  timeoutMs: number;
  /** Opens when failures exceed this share of calls in the rolling window... */
  errorThresholdPercentage: number;
  /** ...once at least this many calls were made in it. */
  volumeThreshold: number;
  /** How long it stays open before letting one probe through. */
  resetTimeoutMs: number;
  /** Calls in flight at once (a bulkhead); more are rejected at once. */
  capacity?: number;
  rollingWindowMs: number;
}

/**
 * An upstream 4xx (an unknown product) means the upstream is working: not a breaker failure.
 * 408 and 429 are the upstream saying it cannot cope, so they count.
 */
export function isClientError(err: unknown): boolean {
  if (!(err instanceof UpstreamError) || err.status === undefined) return false;
  return err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

/** One breaker per upstream, made at start-up (a breaker per request would never trip). */
export function createBreaker<A extends unknown[], R>(
  name: string,
  action: (...args: A) => Promise<R>,
  settings: BreakerSettings,
): CircuitBreaker<A, R> {
  // A fresh options object each time: opossum's constructor writes into the one it is given.
  return new CircuitBreaker(action, {
    name,
    timeout: settings.timeoutMs,
    errorThresholdPercentage: settings.errorThresholdPercentage,
    volumeThreshold: settings.volumeThreshold,
    resetTimeout: settings.resetTimeoutMs,
    ...(settings.capacity === undefined ? {} : { capacity: settings.capacity }),
    rollingCountTimeout: settings.rollingWindowMs,
    rollingCountBuckets: 10,
    // opossum reads its stats on every failure; with percentiles on, that sorts every latency.
    rollingPercentilesEnabled: false,
    errorFilter: isClientError,
  });
}

/** Whether `breaker` would reject a call now without running its action (opossum's own test). */
function rejectsNow(breaker: { enabled: boolean; closed: boolean; pendingClose: boolean }) {
  return breaker.enabled && !breaker.closed && !breaker.pendingClose;
}

/**
 * Fires `breaker`. While it rejects calls (open, or half-open with its one probe already out),
 * opossum builds a new Error for each, and the fallback answers: nobody ever reads that error's
 * stack trace, yet capturing it was the largest cost of a request served from the fallback
 * (README, "Performance"). So it is not captured then. Rejecting is synchronous up to the
 * fallback's answer, so the limit is back before anything else runs; when the action runs, its
 * errors keep their stacks.
 */
export function fireBreaker<A extends unknown[], R>(
  breaker: CircuitBreaker<A, R>,
  ...args: A
): Promise<R> {
  if (!rejectsNow(breaker)) return breaker.fire(...args);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return breaker.fire(...args);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
