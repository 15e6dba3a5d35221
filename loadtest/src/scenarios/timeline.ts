import type { FailureMode } from '@cbd/recommendations-service/contract';
import { GATEWAY_SERVICE, type GatewayId } from '../model/gateways.js';
import { startGatewayLoad } from './gateway-load.js';
import { inTimeCounter, startProgress, type ScenarioHooks } from './progress.js';
import type { ScenarioRecording, ScenarioStack } from './recording.js';
import { scenarioStop, startSwitches } from './switches.js';
import { SCENARIO_DESCRIPTIONS, type ScenarioSettings } from './settings.js';

/** Both gateways under the same users at once while the dependency goes healthy -> hang -> healthy. */
export async function runTimeline(
  { targets, control }: ScenarioStack,
  settings: ScenarioSettings,
  { signal, onSecond }: ScenarioHooks = {},
): Promise<ScenarioRecording> {
  const { healthyMs, hangMs, recoveryMs } = settings.timeline;
  const total = healthyMs + hangMs + recoveryMs;
  await control.setFailure({ mode: 'healthy' });

  const stop = scenarioStop('timeline', signal);
  const t0 = Date.now();
  const counts = inTimeCounter();
  const start = (gateway: GatewayId) =>
    startGatewayLoad({
      gateway,
      url: targets[GATEWAY_SERVICE[gateway]],
      dependencyUrl: targets['recommendations-service'],
      load: settings.load.timeline,
      durationMs: total,
      settings,
      t0,
      signal: stop.signal,
      onResult: counts.counter(gateway),
    });
  const loads = [start('v1'), start('v2')] as const;
  const switches = startSwitches(t0, { mode: 'healthy' }, stop.signal);
  const stopProgress = startProgress(
    'timeline',
    t0,
    () => loads,
    counts.count,
    switches.modeAt,
    onSecond,
  );
  const switchTo = (mode: FailureMode, atMs: number) =>
    switches.switchTo({ mode }, atMs, () => control.setFailure({ mode }));

  const [v1, v2] = await stop.finish(
    async () => {
      await switchTo('hang', healthyMs);
      await switchTo('healthy', healthyMs + hangMs);
    },
    loads,
    stopProgress,
  );
  const phases = switches.end();
  const end = phases.at(-1)!.endMs;
  return {
    name: 'timeline',
    description: SCENARIO_DESCRIPTIONS.timeline,
    t0,
    durationMs: end,
    phases,
    gateways: { v1, v2 },
  };
}
