import { interrupted } from '../errors.js';
import { GATEWAY_SERVICE, type GatewayId } from '../model/gateways.js';
import {
  startGatewayLoad,
  type GatewayRecording,
  type RunningGatewayLoad,
} from './gateway-load.js';
import { inTimeCounter, startProgress, type ScenarioHooks } from './progress.js';
import type { ScenarioRecording, ScenarioStack } from './recording.js';
import { SCENARIO_DESCRIPTIONS, type ScenarioSettings } from './settings.js';

/** Recommendations hang from the start; v1, then v2, under the same users one after the other. */
export async function runOutage(
  { targets, control }: ScenarioStack,
  settings: ScenarioSettings,
  { signal, onSecond }: ScenarioHooks = {},
): Promise<ScenarioRecording> {
  await control.setFailure({ mode: 'hang' });
  const t0 = Date.now();
  const counts = inTimeCounter();
  let current: RunningGatewayLoad | undefined;
  const stopProgress = startProgress(
    'outage',
    t0,
    () => (current ? [current] : []),
    counts.count,
    () => 'hang',
    onSecond,
  );
  const runs: Partial<Record<GatewayId, GatewayRecording>> = {};
  try {
    for (const gateway of ['v1', 'v2'] as const) {
      if (signal?.aborted) break;
      current = startGatewayLoad({
        gateway,
        url: targets[GATEWAY_SERVICE[gateway]],
        dependencyUrl: targets['recommendations-service'],
        load: settings.load.outage,
        durationMs: settings.outage.durationMs,
        settings,
        t0,
        onResult: counts.counter(gateway),
        ...(signal ? { signal } : {}),
      });
      runs[gateway] = await current.done;
    }
  } finally {
    stopProgress();
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
