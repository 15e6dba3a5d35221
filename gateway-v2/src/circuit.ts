import { isClientError, UpstreamError, type Logger } from '@cbd/common';
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

/** How a circuit's calls are made, decided once at start-up from the gateway's protections. */
export interface CircuitShape<A extends unknown[], R> {
  /** false: no opossum breaker; calls go straight to the action and are only counted. */
  breaker: boolean;
  /** The timeout in force instead of the settings' one (the `timeout` protection off). */
  fixedTimeoutMs?: number;
  /** Whether the settings' capacity caps the calls in flight (the `bulkhead` protection). */
  capacity: boolean;
  /** What a failed call answers instead (the `fallback` protection); left out, it rejects. */
  fallback?: (...args: [...A, unknown]) => R;
}

/**
 * One upstream's circuit breaker for the gateway's lifetime: the opossum breaker, the watch on
 * its events, and its options, which can change at run time. A change builds a new opossum
 * breaker (its rolling window and bulkhead are fixed at construction) in the old one's state,
 * attached to the same watch, so the state history and the metrics carry on. With the breaker
 * off there is no opossum breaker at all: the circuit only counts the calls, so /circuit-status
 * and /metrics still say what went through.
 */
export class Circuit<A extends unknown[], R> {
  readonly watch: BreakerWatch;
  readonly startup: Readonly<BreakerSettings>;
  /** Makes one call, through the breaker or straight, as the shape said at start-up. */
  readonly fire: (...args: A) => Promise<R>;
  #settings: BreakerSettings;
  #changedAt: number | null = null;
  #breaker: CircuitBreaker<A, R> | undefined;

  constructor(
    readonly name: string,
    private readonly action: (...args: A) => Promise<R>,
    settings: BreakerSettings,
    logger: Logger,
    private readonly shape: CircuitShape<A, R>,
  ) {
    this.startup = { ...settings };
    this.#settings = { ...settings };
    this.watch = new BreakerWatch(name, logger, () => this.#settings.resetTimeoutMs);
    if (shape.breaker) {
      this.#breaker = this.#build();
      this.fire = (...args) => fireBreaker(this.#breaker as CircuitBreaker<A, R>, ...args);
    } else {
      this.fire = (...args) => this.#straight(...args);
    }
  }

  get settings(): Readonly<BreakerSettings> {
    return this.#settings;
  }

  /** Epoch ms the options last changed; null while they are the start-up ones. */
  get changedAt(): number | null {
    return this.#changedAt;
  }

  /** How long a call may take now: the settings' timeout, or the fixed one with `timeout` off. */
  get timeoutMs(): number {
    return this.shape.fixedTimeoutMs ?? this.#settings.timeoutMs;
  }

  /** The options that apply, given the protections: the settings, less what is switched off. */
  inForce(): BreakerSettings {
    return {
      ...this.#settings,
      timeoutMs: this.timeoutMs,
      capacity: this.shape.capacity ? this.#settings.capacity : undefined,
    };
  }

  #build(state?: BreakerState): CircuitBreaker<A, R> {
    // opossum measures a carried-over OPEN state's reset timeout from `lastTimerAt`, which it
    // sets when a breaker is built, not when it opens: from now, the new timeout runs in full.
    const now = Date.now();
    const breaker = createBreaker(
      this.name,
      this.action,
      this.inForce(),
      state && { ...state, lastTimerAt: now },
    );
    if (this.shape.fallback) breaker.fallback(this.shape.fallback as (...args: unknown[]) => R);
    this.watch.attach(breaker, state ? now : undefined);
    return breaker;
  }

  /** A call without a breaker, counted as opossum would count it. */
  async #straight(...args: A): Promise<R> {
    const { totals } = this.watch;
    totals.fires += 1;
    try {
      const result = await this.action(...args);
      totals.successes += 1;
      return result;
    } catch (err) {
      // As the breaker's errorFilter: an upstream 4xx is the upstream working.
      if (isClientError(err)) {
        totals.successes += 1;
        throw err;
      }
      totals.failures += 1;
      if (err instanceof UpstreamError && err.failure === 'timeout') totals.timeouts += 1;
      if (!this.shape.fallback) throw err;
      totals.fallbacks += 1;
      return this.shape.fallback(...args, err);
    }
  }

  /** New options from now on; calls in flight finish under the old ones. */
  reconfigure(settings: BreakerSettings, now = Date.now()): void {
    this.#settings = { ...settings };
    this.#changedAt = now;
    const old = this.#breaker;
    if (!old) return;
    this.#breaker = this.#build(stateOf(old));
    // Clears the old breaker's timers and listeners: it can no longer move the watch.
    old.shutdown();
  }

  closeByHand(): void {
    const breaker = this.#breaker;
    if (breaker) this.watch.closeByHand(() => breaker.close());
  }

  shutdown(): void {
    this.#breaker?.shutdown();
  }

  status(): Omit<CircuitStatus, 'protections'> {
    const { watch } = this;
    const next = watch.nextAttemptAt;
    const options = this.inForce();
    const { fires, successes, failures, timeouts, rejects, fallbacks, semaphoreRejections } =
      this.#breaker?.stats ?? watch.totals;
    return {
      name: this.name,
      state: watch.state,
      stats: { fires, successes, failures, timeouts, rejects, fallbacks, semaphoreRejections },
      totals: { ...watch.totals },
      options: { ...options, capacity: options.capacity ?? null },
      optionsChangedAt: this.#changedAt === null ? null : new Date(this.#changedAt).toISOString(),
      lastTransition: watch.transitions.at(-1) ?? null,
      nextAttemptAt: next === null ? null : new Date(next).toISOString(),
      transitions: [...watch.transitions],
      probes: [...watch.probes],
    };
  }
}
