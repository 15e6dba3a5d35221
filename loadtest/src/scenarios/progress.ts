import type { CircuitState } from '@cbd/gateway-v2/contract';
import type { PoolSample } from '../model/observed.js';
import type { ArrivalResult } from '../runner/arrivals.js';
import type { GatewayId, ScenarioName } from './settings.js';

/** One gateway's second, as the progress line shows it. */
export interface GatewaySecond {
  /** Users who arrived in the second. */
  arrived: number;
  /** Useful answers that came in it (full or degraded, in time). */
  answeredInTime: number;
  /** Users waiting at its end. */
  waiting: number;
  circuit?: CircuitState | undefined;
  pool?: PoolSample | undefined;
}

/** One line of progress: the second that just ended, per gateway under load. */
export interface SecondReport {
  scenario: ScenarioName;
  t: number;
  mode: string;
  gateways: Partial<Record<GatewayId, GatewaySecond>>;
}

export type OnSecond = (report: SecondReport) => void;

export interface ScenarioHooks {
  /** Aborting stops the load at once; the scenario then rejects with an AbortError. */
  signal?: AbortSignal;
  onSecond?: OnSecond;
}

/** What the progress needs of a running load. */
export interface Watched {
  gateway: GatewayId;
  readonly arrived: number;
  readonly waiting: number;
  readonly circuitState?: CircuitState | undefined;
  readonly pool?: PoolSample | undefined;
}

/** Counts useful answers per gateway as they come (pass `counter(gateway)` as onResult). */
export function inTimeCounter() {
  const counts: Partial<Record<GatewayId, number>> = {};
  return {
    counter: (gateway: GatewayId) => (result: ArrivalResult) => {
      if (result.outcome === 'full' || result.outcome === 'degraded')
        counts[gateway] = (counts[gateway] ?? 0) + 1;
    },
    count: (gateway: GatewayId) => counts[gateway] ?? 0,
  };
}

/**
 * Calls onSecond once each second (counted from t0) has ended, in order, none skipped even when
 * the event loop was busy, with each running load's second; returns a stop function.
 */
export function startProgress(
  scenario: ScenarioName,
  t0: number,
  loads: () => readonly Watched[],
  inTime: (gateway: GatewayId) => number,
  mode: (atMs: number) => string,
  onSecond: OnSecond | undefined,
): () => void {
  if (!onSecond) return () => undefined;
  const last = new Map<GatewayId, { arrived: number; inTime: number }>();
  return startSecondClock(t0, (t) => {
    const gateways: SecondReport['gateways'] = {};
    for (const load of loads()) {
      const before = last.get(load.gateway) ?? { arrived: 0, inTime: 0 };
      const now = { arrived: load.arrived, inTime: inTime(load.gateway) };
      last.set(load.gateway, now);
      gateways[load.gateway] = {
        arrived: now.arrived - before.arrived,
        answeredInTime: now.inTime - before.inTime,
        waiting: load.waiting,
        circuit: load.circuitState,
        pool: load.pool,
      };
    }
    onSecond({ scenario, t, mode: mode(t * 1000 + 500), gateways });
  });
}

/**
 * Calls onSecond(t) once each second t (counted from t0) has ended, in order, none skipped
 * even when the event loop was busy; returns a stop function.
 */
export function startSecondClock(t0: number, onSecond: (t: number) => void): () => void {
  let next = 0;
  const tick = () => {
    const completed = Math.floor((Date.now() - t0) / 1000);
    for (; next < completed; next += 1) onSecond(next);
  };
  const timer = setInterval(tick, 250);
  return () => clearInterval(timer);
}
