import { GATEWAY_SERVICE, type GatewayId } from '../model/gateways.js';
import { startGatewayLoad } from './gateway-load.js';
import { inTimeCounter, startProgress, type ScenarioHooks } from './progress.js';
import type { ScenarioRecording, ScenarioStack } from './recording.js';
import { SCENARIO_DESCRIPTIONS, type ScenarioSettings } from './settings.js';
import { scenarioStop, startSwitches } from './switches.js';

/**
 * Both gateways under the same users at once while recommendations fail a share of calls, one
 * share after another; each share starts from a closed circuit, so no share inherits the
 * breaker's state from the one before.
 */
export async function runPartial(
  { targets, control }: ScenarioStack,
  settings: ScenarioSettings,
  { signal, onSecond }: ScenarioHooks = {},
): Promise<ScenarioRecording> {
  const { errorRates, stretchMs } = settings.partial;
  const [first, ...rest] = errorRates;
  if (first === undefined) throw new Error('the partial scenario needs at least one error rate');
  const failAt = async (errorRate: number) => {
    await control.setFailure({ mode: 'partial', errorRate });
    await control.resetBreaker();
  };
  await failAt(first);

  const stop = scenarioStop('partial', signal);
  const t0 = Date.now();
  const counts = inTimeCounter();
  const start = (gateway: GatewayId) =>
    startGatewayLoad({
      gateway,
      url: targets[GATEWAY_SERVICE[gateway]],
      dependencyUrl: targets['recommendations-service'],
      load: settings.load.partial,
      durationMs: stretchMs * errorRates.length,
      settings,
      t0,
      signal: stop.signal,
      onResult: counts.counter(gateway),
    });
  const loads = [start('v1'), start('v2')] as const;
  const switches = startSwitches(t0, { mode: 'partial', errorRate: first }, stop.signal);
  const percentAt = (atMs: number) => {
    const i = Math.min(errorRates.length - 1, Math.floor(atMs / stretchMs));
    return `${Math.round((errorRates[i] ?? 0) * 100)}%`;
  };
  const stopProgress = startProgress('partial', t0, () => loads, counts.count, percentAt, onSecond);

  const [v1, v2] = await stop.finish(
    async () => {
      for (const [i, errorRate] of rest.entries())
        await switches.switchTo({ mode: 'partial', errorRate }, stretchMs * (i + 1), () =>
          failAt(errorRate),
        );
    },
    loads,
    stopProgress,
  );
  // The last share ends with its stretch, as the others do, not after the answers still due:
  // its users per second and calls per second are over the time its users arrived in.
  const phases = switches.end(stretchMs * errorRates.length);
  return {
    name: 'partial',
    description: SCENARIO_DESCRIPTIONS.partial,
    t0,
    durationMs: phases.at(-1)!.endMs,
    phases,
    gateways: { v1, v2 },
  };
}
