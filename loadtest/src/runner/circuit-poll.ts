import { type CircuitState, type CircuitStatus } from '@cbd/gateway-v2/contract';
import type { CircuitRecord } from '../report/schema.js';
import { tryReadJson } from './read-json.js';

export interface CircuitPollOptions {
  /** gateway-v2's /circuit-status URL. */
  url: string;
  intervalMs: number;
  t0: number;
  /** Called with each state read, e.g. for progress lines. */
  onState?: (state: CircuitState) => void;
}

export interface RunningCircuitPoll {
  readonly state: CircuitState | undefined;
  stop(): Promise<CircuitRecord>;
}

const readStatus = (url: string) => tryReadJson<CircuitStatus>(url);

/** Reads v2's breaker state every intervalMs; at the end adds v2's own transition log. */
export function startCircuitPoll({
  url,
  intervalMs,
  t0,
  onState,
}: CircuitPollOptions): RunningCircuitPoll {
  const samples: CircuitRecord['samples'] = [];
  let state: CircuitState | undefined;
  let stopped = false;

  const loop = async () => {
    while (!stopped) {
      const started = Date.now();
      const status = await readStatus(url);
      if (status) {
        state = status.state;
        samples.push({ t: started - t0, state });
        onState?.(state);
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))),
      );
    }
  };
  const running = loop();

  return {
    get state() {
      return state;
    },
    async stop() {
      stopped = true;
      await running;
      const final = await readStatus(url);
      const transitions = (final?.transitions ?? [])
        .map((tr) => ({ ...tr, t: Date.parse(tr.at) - t0 }))
        .filter((tr) => tr.t >= 0);
      return { pollMs: intervalMs, samples, transitions };
    },
  };
}
