import type { EventEmitter } from 'node:events';
import type { Logger } from '@cbd/common';
import type { BreakerCounts, CircuitState, CircuitTransition, HalfOpenProbe } from './contract.js';

const KEPT = 50;

/** opossum's events that count calls, and the count each adds to. */
export const COUNTED_EVENTS = [
  ['fire', 'fires'],
  ['success', 'successes'],
  ['failure', 'failures'],
  ['timeout', 'timeouts'],
  ['reject', 'rejects'],
  ['fallback', 'fallbacks'],
  ['semaphoreLocked', 'semaphoreRejections'],
] as const satisfies readonly (readonly [string, keyof BreakerCounts])[];

/** opossum's events that change the state, and the state each enters. */
export const STATE_EVENTS = [
  ['open', 'OPEN'],
  ['halfOpen', 'HALF_OPEN'],
  ['close', 'CLOSED'],
] as const satisfies readonly (readonly [string, CircuitState])[];

const emptyCounts = (): BreakerCounts => ({
  fires: 0,
  successes: 0,
  failures: 0,
  timeouts: 0,
  rejects: 0,
  fallbacks: 0,
  semaphoreRejections: 0,
});

/** What the watch needs of an opossum breaker, whatever its argument and result types. */
export type WatchedBreaker = EventEmitter & { readonly name: string };

interface LastCall {
  result: HalfOpenProbe['result'];
  latencyMs: number;
}

/** A circuit that just left HALF_OPEN for CLOSED, waiting for its probe's latency. */
interface Closing {
  at: string;
}

const isTimeout = (err: unknown) => (err as { code?: unknown } | null)?.code === 'ETIMEDOUT';

/**
 * The one subscription to a breaker's events: counts since start (opossum's own stats are a
 * rolling window), the state, its recent changes and half-open probes, one log line per change.
 * /circuit-status and /metrics both read it; a breaker rebuilt with new options is attached to
 * the same watch, so neither loses its history.
 */
export class BreakerWatch {
  readonly totals = emptyCounts();
  /** State changes since start, by "FROM>TO". */
  readonly changes = new Map<string, number>();
  readonly #transitions: CircuitTransition[] = [];
  readonly #probes: HalfOpenProbe[] = [];
  #state: CircuitState = 'CLOSED';
  /** Epoch ms the circuit last entered OPEN, and last left CLOSED. */
  #openedAt = 0;
  #leftClosedAt = 0;
  #last: LastCall | undefined;
  #closing: Closing | undefined;
  #byHand = false;

  constructor(
    readonly name: string,
    private readonly logger: Logger,
    /** How long the circuit stays open now (its options can change at run time). */
    readonly resetTimeoutMs: () => number,
  ) {}

  get state(): CircuitState {
    return this.#state;
  }

  /** Epoch ms the circuit left CLOSED; 0 while it is closed. */
  get leftClosedAt(): number {
    return this.#state === 'CLOSED' ? 0 : this.#leftClosedAt;
  }

  get transitions(): readonly CircuitTransition[] {
    return this.#transitions;
  }

  get probes(): readonly HalfOpenProbe[] {
    return this.#probes;
  }

  /** When the next probe may go through, while OPEN. */
  get nextAttemptAt(): number | null {
    return this.#state === 'OPEN' ? this.#openedAt + this.resetTimeoutMs() : null;
  }

  /**
   * Follows `breaker` from now on. `reopenedAt` is for a breaker rebuilt while open: opossum
   * starts its reset timer afresh, so the next attempt is counted from then.
   */
  attach(breaker: WatchedBreaker, reopenedAt?: number): void {
    for (const [event, key] of COUNTED_EVENTS) {
      breaker.on(event, () => {
        this.totals[key] += 1;
      });
    }
    // opossum closes a half-open circuit from its own 'success' listener, which runs before
    // this one: the probe that closed it is recorded here, once its latency is known.
    breaker.on('success', (_result: unknown, latencyMs: number) => {
      this.#last = { result: 'success', latencyMs };
      if (!this.#closing) return;
      keep(this.#probes, { at: this.#closing.at, ...this.#last, to: 'CLOSED' });
      this.#closing = undefined;
    });
    breaker.on('failure', (err: unknown, latencyMs: number) => {
      this.#last = { result: isTimeout(err) ? 'timeout' : 'failure', latencyMs };
    });
    for (const [event, to] of STATE_EVENTS) breaker.on(event, () => this.#enter(to));
    if (reopenedAt !== undefined && this.#state === 'OPEN') this.#openedAt = reopenedAt;
  }

  /** Closes the circuit by hand (POST /circuit/reset): a state change, but no probe's verdict. */
  closeByHand(close: () => void): void {
    this.#byHand = true;
    try {
      close();
    } finally {
      this.#byHand = false;
    }
  }

  #enter(to: CircuitState): void {
    const from = this.#state;
    if (from === to) return;
    const now = Date.now();
    const at = new Date(now).toISOString();
    this.#state = to;
    if (to === 'OPEN') this.#openedAt = now;
    if (from === 'CLOSED') this.#leftClosedAt = now;
    const key = `${from}>${to}`;
    this.changes.set(key, (this.changes.get(key) ?? 0) + 1);
    keep(this.#transitions, { from, to, at });
    // Leaving HALF_OPEN is the probe's verdict, unless someone closed the circuit by hand.
    if (from === 'HALF_OPEN' && !this.#byHand) {
      if (to === 'CLOSED') this.#closing = { at };
      else if (this.#last) keep(this.#probes, { at, ...this.#last, to });
    }
    const next = to === 'OPEN' ? ` (one probe in ${this.resetTimeoutMs()} ms)` : '';
    this.logger[to === 'OPEN' ? 'warn' : 'info'](
      { breaker: this.name, from, to },
      `circuit ${this.name}: ${from} -> ${to}${next}`,
    );
  }
}

function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEPT) list.shift();
}
