import type { CircuitState } from '@cbd/common';
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
  let next = 0;
  const tick = () => {
    const completed = Math.floor((Date.now() - t0) / 1000);
    for (; next < completed; next += 1) {
      const active = loads();
      const gateways: SecondReport['gateways'] = {};
      for (const load of active) gateways[load.gateway] = load.recorder.sample(next);
      const circuit = active.find((l) => l.circuit)?.circuit?.state;
      onSecond({ scenario, t: next, mode: mode(next * 1000 + 500), gateways, circuit });
    }
  };
  const timer = setInterval(tick, 250);
  return () => clearInterval(timer);
}
