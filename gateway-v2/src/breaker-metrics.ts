import type { EventEmitter } from 'node:events';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { BreakerSettings } from './breaker.js';

/** The opossum events counted in `circuit_breaker_events_total`, by their opossum names. */
const EVENTS = [
  'fire',
  'success',
  'failure',
  'timeout',
  'reject',
  'fallback',
  'semaphoreLocked',
  'open',
  'halfOpen',
  'close',
] as const;

/** The gauge's values, and the states as transition labels name them. */
const STATES = { closed: 0, open: 1, half_open: 2 } as const;
type State = keyof typeof STATES;
const STATE_EVENTS: [string, State][] = [
  ['close', 'closed'],
  ['open', 'open'],
  ['halfOpen', 'half_open'],
];
const TRANSITIONS: [State, State][] = [
  ['closed', 'open'],
  ['open', 'half_open'],
  ['half_open', 'open'],
  ['half_open', 'closed'],
  ['open', 'closed'],
];

interface Tally {
  breaker: string;
  event: string;
  count: number;
}

/** What the metrics need of an opossum breaker, whatever its argument and result types. */
type WatchedBreaker = EventEmitter & { readonly name: string };

export interface BreakerMetrics {
  /** Starts counting one breaker's events; call once per breaker, at start-up. */
  watch(breaker: WatchedBreaker, settings: BreakerSettings): void;
}

/** The circuit breakers' state, state changes and events, for one gateway's registry. */
export function createBreakerMetrics(registry: Registry): BreakerMetrics {
  const registers = [registry];
  // Events happen several times per request: each listener only adds 1 to a plain number,
  // and the counter copies those numbers when Prometheus scrapes.
  const tallies: Tally[] = [];
  new Counter({
    name: 'circuit_breaker_events_total',
    help: 'opossum events per breaker, by their opossum names (fire, success, open, ...)',
    labelNames: ['breaker', 'event'],
    registers,
    collect() {
      this.reset();
      for (const { breaker, event, count } of tallies) this.inc({ breaker, event }, count);
    },
  });
  const state = new Gauge({
    name: 'circuit_breaker_state',
    help: 'Circuit state: 0 closed, 1 open, 2 half-open',
    labelNames: ['breaker'],
    registers,
  });
  const transitions = new Counter({
    name: 'circuit_breaker_transitions_total',
    help: 'State changes per breaker; half_open -> open is a failed probe',
    labelNames: ['breaker', 'from', 'to'],
    registers,
  });
  const openSince = new Gauge({
    name: 'circuit_breaker_open_since_timestamp_seconds',
    help: 'Unix time the circuit left CLOSED (half-open probes included); 0 while it is closed',
    labelNames: ['breaker'],
    registers,
  });
  const resetTimeout = new Gauge({
    name: 'circuit_breaker_reset_timeout_seconds',
    help: 'How long the circuit stays open before one probe call is let through',
    labelNames: ['breaker'],
    registers,
  });

  const countEvents = (breaker: WatchedBreaker) => {
    for (const event of EVENTS) {
      const tally: Tally = { breaker: breaker.name, event, count: 0 };
      tallies.push(tally);
      breaker.on(event, () => {
        tally.count += 1;
      });
    }
  };

  const followState = (breaker: WatchedBreaker, settings: BreakerSettings) => {
    const labels = { breaker: breaker.name };
    let current: State = 'closed';
    state.set(labels, STATES.closed);
    openSince.set(labels, 0);
    resetTimeout.set(labels, settings.resetTimeoutMs / 1000);
    // Every possible change exists from the start at 0, so increase() sees the first one.
    for (const [from, to] of TRANSITIONS) transitions.inc({ ...labels, from, to }, 0);
    for (const [event, to] of STATE_EVENTS) {
      breaker.on(event, () => {
        if (to === current) return;
        transitions.inc({ ...labels, from: current, to });
        if (current === 'closed') openSince.set(labels, Date.now() / 1000);
        if (to === 'closed') openSince.set(labels, 0);
        state.set(labels, STATES[to]);
        current = to;
      });
    }
  };

  return {
    watch(breaker, settings) {
      countEvents(breaker);
      followState(breaker, settings);
    },
  };
}
