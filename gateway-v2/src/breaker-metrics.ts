import { Counter, Gauge, type Registry } from 'prom-client';
import { CIRCUIT_STATES, type CircuitState } from './contract.js';
import { COUNTED_EVENTS, STATE_EVENTS, type BreakerWatch } from './breaker-watch.js';

/** The gauge's value per state. */
const STATE_VALUE: Record<CircuitState, number> = { CLOSED: 0, OPEN: 1, HALF_OPEN: 2 };

/** Prometheus spells label values in lower case: HALF_OPEN is half_open. */
const label = (state: CircuitState) => state.toLowerCase();

/** The moves a circuit can make; each exists from the start at 0, so increase() sees the first. */
const MOVES: [CircuitState, CircuitState][] = [
  ['CLOSED', 'OPEN'],
  ['OPEN', 'HALF_OPEN'],
  ['HALF_OPEN', 'OPEN'],
  ['HALF_OPEN', 'CLOSED'],
  ['OPEN', 'CLOSED'],
];

const entered = (watch: BreakerWatch, to: CircuitState) =>
  CIRCUIT_STATES.reduce((sum, from) => sum + (watch.changes.get(`${from}>${to}`) ?? 0), 0);

/**
 * The breakers' state, state changes and events in one gateway's registry. Nothing happens per
 * call: every value is read from the breakers' watches when Prometheus scrapes.
 */
export function registerBreakerMetrics(registry: Registry, watches: readonly BreakerWatch[]): void {
  const registers = [registry];
  new Counter({
    name: 'circuit_breaker_events_total',
    help: 'opossum events per breaker, by their opossum names (fire, success, open, ...)',
    labelNames: ['breaker', 'event'],
    registers,
    collect() {
      this.reset();
      for (const watch of watches) {
        for (const [event, key] of COUNTED_EVENTS)
          this.inc({ breaker: watch.name, event }, watch.totals[key]);
        for (const [event, to] of STATE_EVENTS)
          this.inc({ breaker: watch.name, event }, entered(watch, to));
      }
    },
  });
  new Gauge({
    name: 'circuit_breaker_state',
    help: 'Circuit state: 0 closed, 1 open, 2 half-open',
    labelNames: ['breaker'],
    registers,
    collect() {
      for (const watch of watches) this.set({ breaker: watch.name }, STATE_VALUE[watch.state]);
    },
  });
  new Counter({
    name: 'circuit_breaker_transitions_total',
    help: 'State changes per breaker; half_open -> open is a failed probe',
    labelNames: ['breaker', 'from', 'to'],
    registers,
    collect() {
      this.reset();
      for (const watch of watches) {
        for (const [from, to] of MOVES) {
          const labels = { breaker: watch.name, from: label(from), to: label(to) };
          this.inc(labels, watch.changes.get(`${from}>${to}`) ?? 0);
        }
      }
    },
  });
  new Gauge({
    name: 'circuit_breaker_open_since_timestamp_seconds',
    help: 'Unix time the circuit left CLOSED (half-open probes included); 0 while it is closed',
    labelNames: ['breaker'],
    registers,
    collect() {
      for (const watch of watches) this.set({ breaker: watch.name }, watch.leftClosedAt / 1000);
    },
  });
  new Gauge({
    name: 'circuit_breaker_reset_timeout_seconds',
    help: 'How long the circuit stays open before one probe call is let through',
    labelNames: ['breaker'],
    registers,
    collect() {
      for (const watch of watches) this.set({ breaker: watch.name }, watch.resetTimeoutMs() / 1000);
    },
  });
}
