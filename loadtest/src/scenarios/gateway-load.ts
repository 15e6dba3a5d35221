import type { GatewayId } from '../report/schema.js';
import { startCircuitPoll, type RunningCircuitPoll } from '../runner/circuit-poll.js';
import { startProbe } from '../runner/probe.js';
import { startLoad } from '../runner/run-load.js';
import type { OutcomeRecorder } from '../runner/recorder.js';
import type { GatewayRecording } from './recording.js';
import type { ScenarioSettings } from './settings.js';
import { LOAD_PATH, PROBE_PATH, type Targets } from './targets.js';

export interface GatewayLoadOptions {
  gateway: GatewayId;
  targets: Targets;
  connections: number;
  durationMs: number;
  settings: ScenarioSettings;
  t0: number;
  signal?: AbortSignal;
}

export interface RunningGatewayLoad {
  gateway: GatewayId;
  recorder: OutcomeRecorder;
  /** v2 only: its breaker, read every circuitPollMs. */
  circuit: RunningCircuitPoll | null;
  done: Promise<GatewayRecording>;
}

/** Load on one gateway, with a probe of its healthy route beside it and, for v2, its breaker watched. */
export function startGatewayLoad(options: GatewayLoadOptions): RunningGatewayLoad {
  const { gateway, targets, connections, durationMs, settings, t0, signal } = options;
  const base = targets[gateway === 'v1' ? 'gateway-v1' : 'gateway-v2'];
  const load = startLoad({
    url: `${base}${LOAD_PATH}`,
    connections,
    durationMs,
    clientTimeoutMs: settings.clientTimeoutMs,
    t0,
    ...(signal ? { signal } : {}),
  });
  const probe = startProbe({
    url: `${base}${PROBE_PATH}`,
    intervalMs: settings.probeIntervalMs,
    timeoutMs: settings.clientTimeoutMs,
    t0,
  });
  const circuit =
    gateway === 'v2'
      ? startCircuitPoll({ url: `${base}/circuit-status`, intervalMs: settings.circuitPollMs, t0 })
      : null;

  const done = (async (): Promise<GatewayRecording> => {
    // Stop the probe and the poll once the load ends, even if it failed: nothing keeps running.
    const ended = load.done.then(
      () => undefined,
      () => undefined,
    );
    const [loaded, collateral, circuitRecord] = await Promise.allSettled([
      load.done,
      ended.then(() => probe.stop()),
      ended.then(() => circuit?.stop() ?? null),
    ]);
    if (loaded.status === 'rejected') throw loaded.reason;
    if (collateral.status === 'rejected') throw collateral.reason;
    if (circuitRecord.status === 'rejected') throw circuitRecord.reason;
    return {
      gateway,
      url: base,
      path: LOAD_PATH,
      connections,
      load: loaded.value,
      collateral: collateral.value,
      circuit: circuitRecord.value,
    };
  })();

  return { gateway, recorder: load.recorder, circuit, done };
}
