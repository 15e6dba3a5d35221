import type { CircuitState } from '@cbd/gateway-v2/contract';
import type { PoolSample } from '../model/observed.js';
import type { ArrivalRecord } from '../model/load.js';
import { isUseful } from '../model/outcome.js';
import type { ScenarioName } from './settings.js';

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

/**
 * One line of progress: the second that just ended, per load running: a gateway (`v1`, `v2`),
 * or a rung of the ladder (`none`, `retries`, ...), in the order the scenario started them.
 */
export interface SecondReport {
  scenario: ScenarioName;
  t: number;
  mode: string;
  lanes: Record<string, GatewaySecond>;
}

export type OnSecond = (report: SecondReport) => void;

export interface ScenarioHooks {
  /** Aborting stops the load at once; the scenario then rejects with an AbortError. */
  signal?: AbortSignal;
  onSecond?: OnSecond;
}

/** What the progress needs of a running load, named by its lane. */
export interface Watched {
  lane: string;
  readonly arrived: number;
  readonly waiting: number;
  readonly circuitState?: CircuitState | undefined;
  readonly pool?: PoolSample | undefined;
}

/** Counts useful answers per lane as they come (pass `counter(lane)` as onResult). */
export function inTimeCounter() {
  const counts = new Map<string, number>();
  return {
    counter: (lane: string) => (result: ArrivalRecord) => {
      if (isUseful(result.outcome)) counts.set(lane, (counts.get(lane) ?? 0) + 1);
    },
    count: (lane: string) => counts.get(lane) ?? 0,
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
  inTime: (lane: string) => number,
  mode: (atMs: number) => string,
  onSecond: OnSecond | undefined,
): () => void {
  if (!onSecond) return () => undefined;
  const last = new Map<string, { arrived: number; inTime: number }>();
  return startSecondClock(t0, (t) => {
    const lanes: SecondReport['lanes'] = {};
    for (const load of loads()) {
      const before = last.get(load.lane) ?? { arrived: 0, inTime: 0 };
      const now = { arrived: load.arrived, inTime: inTime(load.lane) };
      last.set(load.lane, now);
      lanes[load.lane] = {
        arrived: now.arrived - before.arrived,
        answeredInTime: now.inTime - before.inTime,
        waiting: load.waiting,
        circuit: load.circuitState,
        pool: load.pool,
      };
    }
    onSecond({ scenario, t, mode: mode(t * 1000 + 500), lanes });
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
