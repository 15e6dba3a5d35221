import { type CircuitState } from '@cbd/gateway-v2/contract';
import type { GatewayId, ScenarioName, SecondSample } from '../report/schema.js';
import type { RunningGatewayLoad } from './gateway-load.js';

/** One line of progress: the second that just ended, per gateway under load. */
export interface SecondReport {
  scenario: ScenarioName;
  t: number;
  mode: string;
  gateways: Partial<Record<GatewayId, SecondSample>>;
  circuit: CircuitState | undefined;
}

export type OnSecond = (report: SecondReport) => void;

/** Calls onSecond once a second with the second that just ended; returns a stop function. */
export function startTicker(
  scenario: ScenarioName,
  t0: number,
  loads: () => RunningGatewayLoad[],
  /** The failure mode at a time since t0 (ms). */
  mode: (atMs: number) => string,
  onSecond: OnSecond | undefined,
): () => void {
  if (!onSecond) return () => undefined;
  return startSecondClock(t0, (t) => {
    const active = loads();
    const gateways: SecondReport['gateways'] = {};
    for (const load of active) gateways[load.gateway] = load.recorder.sample(t);
    const circuit = active.find((l) => l.circuit)?.circuit?.state;
    onSecond({ scenario, t, mode: mode(t * 1000 + 500), gateways, circuit });
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
