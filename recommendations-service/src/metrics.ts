import { Counter, Gauge, type Registry } from 'prom-client';
import type { CallCounter } from './callers.js';
import type { Capacity } from './capacity.js';

/**
 * The dependency's side in Prometheus: calls received per caller, and its workers. Nothing
 * happens per call: every value is read from the counters when Prometheus scrapes.
 */
export function registerRecommendationsMetrics(
  registry: Registry,
  callers: CallCounter,
  capacity: Capacity,
): void {
  const registers = [registry];
  new Counter({
    name: 'recommendations_calls_total',
    help: 'Recommendations calls received, by the caller named in x-caller (unknown, other)',
    labelNames: ['caller'],
    registers,
    collect() {
      this.reset();
      for (const [caller, { total }] of Object.entries(callers.snapshot()))
        this.inc({ caller }, total);
    },
  });
  new Gauge({
    name: 'recommendations_calls_in_flight',
    help: 'Recommendations calls received and not finished (in line or holding a place), by caller',
    labelNames: ['caller'],
    registers,
    collect() {
      this.reset();
      for (const [caller, { inFlight }] of Object.entries(callers.snapshot()))
        this.set({ caller }, inFlight);
    },
  });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  gauge(
    'recommendations_capacity_limit',
    'Calls served at once (CAPACITY); 0: no limit',
    () => capacity.settings.limit,
  );
  gauge(
    'recommendations_capacity_work_seconds',
    'How long a healthy call holds its place (WORK_MS)',
    () => capacity.settings.workMs / 1000,
  );
  gauge(
    'recommendations_capacity_busy',
    'Calls holding a place now, those whose caller has gone included',
    () => capacity.state().busy,
  );
  gauge(
    'recommendations_capacity_queued',
    'Calls waiting in line for a place',
    () => capacity.state().queued,
  );
}
