import type { Logger } from '@cbd/common';
import type CircuitBreaker from 'opossum';
import {
  createBreaker,
  fireBreaker,
  stateOf,
  type BreakerSettings,
  type BreakerState,
} from './breaker.js';
import { BreakerWatch } from './breaker-watch.js';
import type { CircuitStatus } from './contract.js';

/**
 * One upstream's circuit breaker for the gateway's lifetime: the opossum breaker, the watch on
 * its events, and its options, which can change at run time. A change builds a new opossum
 * breaker (its rolling window and bulkhead are fixed at construction) in the old one's state,
 * attached to the same watch, so the state history and the metrics carry on.
 */
export class Circuit<A extends unknown[], R> {
  readonly watch: BreakerWatch;
  readonly startup: Readonly<BreakerSettings>;
  #settings: BreakerSettings;
  #changedAt: number | null = null;
  #breaker: CircuitBreaker<A, R>;

  constructor(
    readonly name: string,
    private readonly action: (...args: A) => Promise<R>,
    settings: BreakerSettings,
    logger: Logger,
    private readonly fallback?: (...args: [...A, unknown]) => R,
  ) {
    this.startup = { ...settings };
    this.#settings = { ...settings };
    this.watch = new BreakerWatch(name, logger, () => this.#settings.resetTimeoutMs);
    this.#breaker = this.#build();
  }

  get settings(): Readonly<BreakerSettings> {
    return this.#settings;
  }

  /** Epoch ms the options last changed; null while they are the start-up ones. */
  get changedAt(): number | null {
    return this.#changedAt;
  }

  #build(state?: BreakerState): CircuitBreaker<A, R> {
    // opossum measures a carried-over OPEN state's reset timeout from `lastTimerAt`, which it
    // sets when a breaker is built, not when it opens: from now, the new timeout runs in full.
    const now = Date.now();
    const breaker = createBreaker(
      this.name,
      this.action,
      this.#settings,
      state && { ...state, lastTimerAt: now },
    );
    if (this.fallback) breaker.fallback(this.fallback as (...args: unknown[]) => R);
    this.watch.attach(breaker, state ? now : undefined);
    return breaker;
  }

  fire(...args: A): Promise<R> {
    return fireBreaker(this.#breaker, ...args);
  }

  /** New options from now on; calls in flight finish under the old ones. */
  reconfigure(settings: BreakerSettings, now = Date.now()): void {
    const old = this.#breaker;
    this.#settings = { ...settings };
    this.#changedAt = now;
    this.#breaker = this.#build(stateOf(old));
    // Clears the old breaker's timers and listeners: it can no longer move the watch.
    old.shutdown();
  }

  closeByHand(): void {
    this.watch.closeByHand(() => this.#breaker.close());
  }

  shutdown(): void {
    this.#breaker.shutdown();
  }

  status(): CircuitStatus {
    const { watch } = this;
    const next = watch.nextAttemptAt;
    const {
      timeoutMs,
      errorThresholdPercentage,
      volumeThreshold,
      resetTimeoutMs,
      rollingWindowMs,
    } = this.#settings;
    const { fires, successes, failures, timeouts, rejects, fallbacks, semaphoreRejections } =
      this.#breaker.stats;
    return {
      name: this.name,
      state: watch.state,
      stats: { fires, successes, failures, timeouts, rejects, fallbacks, semaphoreRejections },
      totals: { ...watch.totals },
      options: {
        timeoutMs,
        errorThresholdPercentage,
        volumeThreshold,
        resetTimeoutMs,
        capacity: this.#settings.capacity ?? null,
        rollingWindowMs,
      },
      optionsChangedAt: this.#changedAt === null ? null : new Date(this.#changedAt).toISOString(),
      lastTransition: watch.transitions.at(-1) ?? null,
      nextAttemptAt: next === null ? null : new Date(next).toISOString(),
      transitions: [...watch.transitions],
      probes: [...watch.probes],
    };
  }
}
