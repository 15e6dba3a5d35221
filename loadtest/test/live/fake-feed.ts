import { type CircuitStatus } from '@cbd/gateway-v2/contract';
import { type FailureState } from '@cbd/recommendations-service/contract';
import { type PoolStatus } from '@cbd/gateway-v1/contract';
import type { SecondSample } from '../../src/report/schema.js';
import type { LiveEvent, LiveFeed, LiveSample, LiveStatus } from '../../src/live/types.js';

export const READ_AT = '2026-03-12T10:00:00.000Z';

export function second(t: number, over: Partial<SecondSample> = {}): SecondSample {
  return {
    t,
    requests: 10,
    outcomes: { full: 10, degraded: 0, failed: 0, timeout: 0 },
    p50: 2,
    p99: 5,
    ...over,
  };
}

export const liveSample = (t: number): LiveSample => ({
  t,
  gateways: { v1: second(t), v2: second(t) },
});

export const FAILURE: FailureState = {
  mode: 'healthy',
  hangMs: 30_000,
  latencyMs: 1000,
  errorRate: 0.5,
  hanging: 0,
  changedAt: READ_AT,
  capacity: { limit: 0, workMs: 0, busy: 0, queued: 0 },
  callers: {},
};

export const POOL: PoolStatus = {
  size: 50,
  active: 10,
  waiting: 0,
  upstreamTimeoutMs: 30_000,
  retries: 0,
};

const counts = {
  fires: 0,
  successes: 0,
  failures: 0,
  timeouts: 0,
  rejects: 0,
  fallbacks: 0,
  semaphoreRejections: 0,
};

export function circuit(over: Partial<CircuitStatus> = {}): CircuitStatus {
  return {
    name: 'recommendations-service',
    state: 'CLOSED',
    stats: { ...counts },
    optionsChangedAt: null,
    probes: [],
    totals: { ...counts },
    options: {
      timeoutMs: 2000,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      resetTimeoutMs: 10_000,
      capacity: 100,
      rollingWindowMs: 1000,
    },
    protections: ['timeout', 'fallback', 'breaker', 'bulkhead'],
    lastTransition: null,
    nextAttemptAt: null,
    transitions: [],
    ...over,
  };
}

export const STATUS: LiveStatus = {
  readAt: READ_AT,
  circuit: circuit(),
  failure: FAILURE,
  pool: POOL,
};

/** A LiveFeed a test drives by hand: it decides what the page is sent, and when. */
export class FakeFeed implements LiveFeed {
  samples: LiveSample[] = [liveSample(0), liveSample(1)];
  status: LiveStatus = STATUS;
  refreshes = 0;
  readonly #listeners = new Set<(event: LiveEvent) => void>();

  get listeners(): number {
    return this.#listeners.size;
  }

  snapshot() {
    return { windowSeconds: 60, connections: 10, samples: this.samples, status: this.status };
  }

  subscribe(listener: (event: LiveEvent) => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  refresh(): Promise<void> {
    this.refreshes += 1;
    return Promise.resolve();
  }

  emit(event: LiveEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
