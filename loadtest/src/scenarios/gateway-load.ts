import type { CircuitState } from '@cbd/gateway-v2/contract';
import type { CircuitRecord } from '../model/circuit.js';
import type { Collateral } from '../model/collateral.js';
import { GATEWAY_SERVICE, LOAD_PATH, PROBE_PATH, type GatewayId } from '../model/gateways.js';
import type { ArrivalRecord, LoadRecording, LoadSpec } from '../model/load.js';
import type { DependencySample, PoolSample } from '../model/observed.js';
import type { ClosedRecording } from '../runner/closed-loop.js';
import { startLoad } from '../runner/load.js';
import { startProbe } from '../runner/probe.js';
import {
  watchCircuit,
  watchDependency,
  watchPool,
  type RunningCircuitWatch,
  type RunningPoolWatch,
} from '../runner/watch.js';
import { type ScenarioSettings } from './settings.js';

/** What one gateway's part of a scenario produced, before the report summarizes it. */
export interface GatewayRecording {
  gateway: GatewayId;
  url: string;
  path: string;
  load: LoadRecording | ClosedRecording;
  collateral: Collateral;
  /** gateway-v2 only. */
  circuit: CircuitRecord | null;
  /** gateway-v1 only: its shared pool over time. */
  pool: PoolSample[] | null;
  /** The calls this gateway made to recommendations-service, as the service counted them. */
  dependency: DependencySample[];
}

export interface GatewayLoadOptions {
  gateway: GatewayId;
  /** The progress line's name for this load; the gateway's id unless it is a rung of the ladder. */
  lane?: string;
  url: string;
  /** recommendations-service, which counts the calls each gateway makes. */
  dependencyUrl: string;
  load: LoadSpec;
  durationMs: number;
  settings: ScenarioSettings;
  t0: number;
  signal?: AbortSignal;
  onResult?: (result: ArrivalRecord) => void;
}

export interface RunningGatewayLoad {
  gateway: GatewayId;
  lane: string;
  readonly arrived: number;
  readonly waiting: number;
  readonly circuitState: CircuitState | undefined;
  readonly pool: PoolSample | undefined;
  done: Promise<GatewayRecording>;
}

/** Users on one gateway, a probe of its healthy route beside them, its breaker or pool watched. */
export function startGatewayLoad(options: GatewayLoadOptions): RunningGatewayLoad {
  const { gateway, url, dependencyUrl, load, durationMs, settings, t0, signal, onResult } = options;
  const target = `${url}${LOAD_PATH}`;
  const common = {
    url: target,
    durationMs,
    t0,
    ...(signal ? { signal } : {}),
    ...(onResult ? { onResult } : {}),
  };
  const running = startLoad({ ...common, load, tailMs: settings.tailMs });
  const probe = startProbe({
    url: `${url}${PROBE_PATH}`,
    intervalMs: settings.probeIntervalMs,
    timeoutMs: load.clientTimeoutMs,
    patienceMs: load.patienceMs,
    t0,
  });
  const circuit: RunningCircuitWatch | null =
    gateway === 'v2' ? watchCircuit(url, settings.pollMs, t0) : null;
  const pool: RunningPoolWatch | null =
    gateway === 'v1' ? watchPool(url, settings.pollMs, t0) : null;
  const dependency = watchDependency(dependencyUrl, GATEWAY_SERVICE[gateway], settings.pollMs, t0);

  const done = (async (): Promise<GatewayRecording> => {
    // Stop the probe and the watches once the load ends, even if it failed: nothing keeps running.
    const loaded = await Promise.allSettled([running.done]);
    const [collateral, circuitRecord, poolSamples, calls] = await Promise.all([
      probe.stop(),
      circuit?.stop() ?? null,
      pool?.stop() ?? null,
      dependency.stop(),
    ]);
    const [result] = loaded;
    if (result.status === 'rejected') throw result.reason;
    return {
      gateway,
      url,
      path: LOAD_PATH,
      load: result.value,
      collateral,
      circuit: circuitRecord,
      pool: poolSamples,
      dependency: calls,
    };
  })();

  return {
    gateway,
    lane: options.lane ?? gateway,
    get arrived() {
      return running.arrived;
    },
    get waiting() {
      return running.waiting;
    },
    get circuitState() {
      return circuit?.state;
    },
    get pool() {
      return pool?.last;
    },
    done,
  };
}
