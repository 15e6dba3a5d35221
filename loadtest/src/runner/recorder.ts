import type { Outcome, OutcomeCounts, SecondSample } from '../report/schema.js';
import { percentile, round } from './percentile.js';

interface Bucket {
  outcomes: OutcomeCounts;
  latencies: number[];
}

const emptyCounts = (): OutcomeCounts => ({ full: 0, degraded: 0, failed: 0, timeout: 0 });

/**
 * Everything one gateway's load produced, bucketed by the second it completed in (seconds
 * since the scenario started), so runs that overlap in time share one time axis.
 */
export class OutcomeRecorder {
  readonly outcomes = emptyCounts();
  readonly statusCodes: Record<string, number> = {};
  readonly latencies: number[] = [];
  timeouts = 0;
  errors = 0;
  readonly #buckets = new Map<number, Bucket>();
  readonly #keepLatencies: boolean;

  /** keepLatencies: false keeps `latencies` empty, for a load that never ends (see forget). */
  constructor(
    private readonly t0: number,
    { keepLatencies = true }: { keepLatencies?: boolean } = {},
  ) {
    this.#keepLatencies = keepLatencies;
  }

  #bucket(now: number): Bucket {
    const second = Math.max(0, Math.floor((now - this.t0) / 1000));
    let bucket = this.#buckets.get(second);
    if (!bucket) {
      bucket = { outcomes: emptyCounts(), latencies: [] };
      this.#buckets.set(second, bucket);
    }
    return bucket;
  }

  response(now: number, status: number, outcome: Outcome, latencyMs: number): void {
    const bucket = this.#bucket(now);
    bucket.outcomes[outcome] += 1;
    bucket.latencies.push(latencyMs);
    this.outcomes[outcome] += 1;
    if (this.#keepLatencies) this.latencies.push(latencyMs);
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + 1;
  }

  /** The client gave up waiting. */
  timeout(now: number): void {
    this.#bucket(now).outcomes.timeout += 1;
    this.outcomes.timeout += 1;
    this.timeouts += 1;
  }

  /** A connection error: no answer, counted as a failure. */
  error(now: number): void {
    this.#bucket(now).outcomes.failed += 1;
    this.outcomes.failed += 1;
    this.errors += 1;
  }

  /** The sample for one second (zeros if nothing happened in it). */
  sample(second: number): SecondSample {
    const bucket = this.#buckets.get(second);
    if (!bucket) return { t: second, requests: 0, outcomes: emptyCounts(), p50: null, p99: null };
    const sorted = Float64Array.from(bucket.latencies).sort();
    return {
      t: second,
      requests: bucket.latencies.length,
      outcomes: { ...bucket.outcomes },
      p50: sorted.length ? round(percentile(sorted, 50)) : null,
      p99: sorted.length ? round(percentile(sorted, 99)) : null,
    };
  }

  /** Drops the buckets of every second before `second`: a load with no end stays bounded. */
  forget(second: number): void {
    for (const key of this.#buckets.keys()) if (key < second) this.#buckets.delete(key);
  }

  /** Every second from `from` up to (not including) `to`. */
  samples(from: number, to: number): SecondSample[] {
    const list: SecondSample[] = [];
    for (let second = from; second < to; second += 1) list.push(this.sample(second));
    return list;
  }
}
