import type {
  BreakerTotals,
  CircuitState,
  CircuitStatus,
  CircuitTransition,
  Logger,
} from '@cbd/common';
import type { EventEmitter } from 'node:events';
import type CircuitBreaker from 'opossum';
import type { BreakerSettings } from './breaker.js';

const KEPT_TRANSITIONS = 50;

/** What the monitor needs of an opossum breaker, whatever its argument and result types. */
type WatchedBreaker = EventEmitter & {
  readonly name: string;
  readonly stats: CircuitBreaker.Stats;
};

const COUNTED_EVENTS: [string, keyof BreakerTotals][] = [
  ['fire', 'fires'],
  ['success', 'successes'],
  ['failure', 'failures'],
  ['timeout', 'timeouts'],
  ['reject', 'rejects'],
  ['fallback', 'fallbacks'],
  ['semaphoreLocked', 'semaphoreRejections'],
];

/**
 * Watches one breaker: counts its events since start (opossum's stats are a rolling window),
 * keeps its recent state changes, logs one line per change, and answers /circuit-status.
 */
export class BreakerMonitor {
  readonly totals: BreakerTotals = {
    fires: 0,
    successes: 0,
    failures: 0,
    timeouts: 0,
    rejects: 0,
    fallbacks: 0,
    semaphoreRejections: 0,
  };
  #state: CircuitState = 'CLOSED';
  #openedAt = 0;
  readonly #transitions: CircuitTransition[] = [];

  constructor(
    private readonly breaker: WatchedBreaker,
    private readonly settings: BreakerSettings,
    private readonly logger: Logger,
  ) {
    for (const [event, key] of COUNTED_EVENTS) {
      breaker.on(event, () => {
        this.totals[key] += 1;
      });
    }
    breaker.on('open', () => this.#enter('OPEN'));
    breaker.on('halfOpen', () => this.#enter('HALF_OPEN'));
    breaker.on('close', () => this.#enter('CLOSED'));
  }

  get state(): CircuitState {
    return this.#state;
  }

  #enter(to: CircuitState): void {
    const from = this.#state;
    if (from === to) return;
    const now = Date.now();
    this.#state = to;
    if (to === 'OPEN') this.#openedAt = now;
    this.#transitions.push({ from, to, at: new Date(now).toISOString() });
    if (this.#transitions.length > KEPT_TRANSITIONS) this.#transitions.shift();
    const next = to === 'OPEN' ? ` (one probe in ${this.settings.resetTimeoutMs} ms)` : '';
    this.logger[to === 'OPEN' ? 'warn' : 'info'](
      { breaker: this.breaker.name, from, to },
      `circuit ${this.breaker.name}: ${from} -> ${to}${next}`,
    );
  }

  /** The rolling-window counts; percentiles are off (see createBreaker), so they are left out. */
  #rollingStats(): CircuitStatus['stats'] {
    const { fires, successes, failures, timeouts, rejects, fallbacks, semaphoreRejections } =
      this.breaker.stats;
    return { fires, successes, failures, timeouts, rejects, fallbacks, semaphoreRejections };
  }

  status(): CircuitStatus {
    const {
      timeoutMs,
      errorThresholdPercentage,
      volumeThreshold,
      resetTimeoutMs,
      capacity,
      rollingWindowMs,
    } = this.settings;
    return {
      name: this.breaker.name,
      state: this.#state,
      stats: this.#rollingStats(),
      totals: { ...this.totals },
      options: {
        timeoutMs,
        errorThresholdPercentage,
        volumeThreshold,
        resetTimeoutMs,
        capacity: capacity ?? null,
        rollingWindowMs,
      },
      lastTransition: this.#transitions.at(-1) ?? null,
      nextAttemptAt:
        this.#state === 'OPEN' ? new Date(this.#openedAt + resetTimeoutMs).toISOString() : null,
      transitions: [...this.#transitions],
    };
  }
}
