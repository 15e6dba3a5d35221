import { setTimeout as sleep } from 'node:timers/promises';
import { POOL_STATUS_PATH, poolStatusSchema } from '@cbd/gateway-v1/contract';
import { CIRCUIT_PATHS, circuitStatusSchema, type CircuitState } from '@cbd/gateway-v2/contract';
import type { CircuitRecord } from '../model/circuit.js';
import { FAILURE_PATH, failureStateSchema } from '@cbd/recommendations-service/contract';
import {
  callsPerSecond,
  type CallTotal,
  type DependencySample,
  type PoolSample,
} from '../model/observed.js';
import { tryRead } from './read-json.js';

/**
 * Runs `read` now and every intervalMs, one read at a time, paced from each read's start.
 * The function it returns stops it, cutting short the wait for the next read.
 */
export function poll(intervalMs: number, read: () => Promise<void>): () => Promise<void> {
  let stopped = false;
  const wake = new AbortController();
  const running = (async () => {
    while (!stopped) {
      const started = Date.now();
      await read();
      await sleep(Math.max(0, intervalMs - (Date.now() - started)), undefined, {
        signal: wake.signal,
      }).catch(() => undefined);
    }
  })();
  return async () => {
    stopped = true;
    wake.abort();
    await running;
  };
}

export interface RunningCircuitWatch {
  /** The state last read; undefined before the first answer. */
  readonly state: CircuitState | undefined;
  /** Stops reading; adds gateway-v2's own log of transitions and probes during the run. */
  stop(): Promise<CircuitRecord>;
}

/** Reads gateway-v2's /circuit-status every intervalMs. */
export function watchCircuit(
  gatewayUrl: string,
  intervalMs: number,
  t0: number,
): RunningCircuitWatch {
  const url = `${gatewayUrl}${CIRCUIT_PATHS.status}`;
  const samples: CircuitRecord['samples'] = [];
  let state: CircuitState | undefined;
  const stop = poll(intervalMs, async () => {
    const started = Date.now();
    const status = await tryRead(url, circuitStatusSchema);
    if (!status) return;
    state = status.state;
    samples.push({ t: started - t0, state });
  });
  return {
    get state() {
      return state;
    },
    async stop() {
      await stop();
      const final = await tryRead(url, circuitStatusSchema);
      const offset = <T extends { at: string }>(item: T) => ({
        ...item,
        t: Date.parse(item.at) - t0,
      });
      return {
        pollMs: intervalMs,
        samples,
        transitions: (final?.transitions ?? []).map(offset).filter((tr) => tr.t >= 0),
        probes: (final?.probes ?? []).map(offset).filter((p) => p.t >= 0),
      };
    },
  };
}

export interface RunningPoolWatch {
  readonly last: PoolSample | undefined;
  stop(): Promise<PoolSample[]>;
}

/** Reads a gateway's shared pool (GET /pool-status) every intervalMs. */
export function watchPool(gatewayUrl: string, intervalMs: number, t0: number): RunningPoolWatch {
  const samples: PoolSample[] = [];
  const stop = poll(intervalMs, async () => {
    const started = Date.now();
    const pool = await tryRead(`${gatewayUrl}${POOL_STATUS_PATH}`, poolStatusSchema);
    if (pool) {
      const { size, active, waiting } = pool;
      samples.push({ t: started - t0, size, active, waiting });
    }
  });
  return {
    get last() {
      return samples.at(-1);
    },
    async stop() {
      await stop();
      return samples;
    },
  };
}

export interface RunningDependencyWatch {
  stop(): Promise<DependencySample[]>;
}

/**
 * Reads recommendations-service's GET /admin/failure every intervalMs: the calls one caller
 * (a gateway, by the name it sends) made since the last read, per second, and what the service
 * holds now. The first read only sets the baseline.
 */
export function watchDependency(
  recommendationsUrl: string,
  caller: string,
  intervalMs: number,
  t0: number,
): RunningDependencyWatch {
  const samples: DependencySample[] = [];
  let last: CallTotal | undefined;
  const stop = poll(intervalMs, async () => {
    const state = await tryRead(`${recommendationsUrl}${FAILURE_PATH}`, failureStateSchema);
    if (!state) return;
    const at = Date.now();
    const counts = state.callers[caller] ?? { total: 0, inFlight: 0 };
    const now = { at, total: counts.total };
    const rate = callsPerSecond(last, now);
    if (rate !== null) {
      samples.push({
        t: at - t0,
        callsPerSecond: rate,
        inFlight: counts.inFlight,
        queued: state.capacity.queued,
        busy: state.capacity.busy,
      });
    }
    last = now;
  });
  return {
    async stop() {
      await stop();
      return samples;
    },
  };
}
