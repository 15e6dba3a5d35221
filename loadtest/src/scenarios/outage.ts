import { setFailureMode } from '../runner/control.js';
import { startGatewayLoad, type RunningGatewayLoad } from './gateway-load.js';
import type { GatewayRecording, ScenarioRecording } from './recording.js';
import { SCENARIO_DESCRIPTIONS, type ScenarioSettings } from './settings.js';
import type { Targets } from './targets.js';
import { interrupted, type ScenarioHooks } from './hooks.js';
import { startTicker } from './ticker.js';

/** Recommendations hang from the start; v1, then v2, under the same load one after the other. */
export async function runOutage(
  targets: Targets,
  settings: ScenarioSettings,
  { signal, onSecond }: ScenarioHooks = {},
): Promise<ScenarioRecording> {
  const { connections, durationMs } = settings.outage;
  await setFailureMode(targets['recommendations-service'], 'hang');
  const t0 = Date.now();
  let current: RunningGatewayLoad | undefined;
  const stopTicker = startTicker(
    'outage',
    t0,
    () => (current ? [current] : []),
    () => 'hang',
    onSecond,
  );
  const runs: Partial<Record<'v1' | 'v2', GatewayRecording>> = {};
  try {
    for (const gateway of ['v1', 'v2'] as const) {
      if (signal?.aborted) break;
      current = startGatewayLoad({
        gateway,
        targets,
        connections,
        durationMs,
        settings,
        t0,
        ...(signal ? { signal } : {}),
      });
      runs[gateway] = await current.done;
    }
  } finally {
    stopTicker();
  }
  const end = Date.now() - t0;
  if (signal?.aborted || !runs.v1 || !runs.v2) throw interrupted('outage');
  return {
    name: 'outage',
    description: SCENARIO_DESCRIPTIONS.outage,
    t0,
    durationMs: end,
    phases: [{ mode: 'hang', startMs: 0, endMs: end }],
    gateways: { v1: runs.v1, v2: runs.v2 },
  };
}
