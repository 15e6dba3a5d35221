import { setTimeout as sleep } from 'node:timers/promises';
import { type FailureMode } from '@cbd/recommendations-service/contract';
import type { Phase } from '../report/schema.js';
import { setFailureMode } from '../runner/control.js';
import { startGatewayLoad } from './gateway-load.js';
import { interrupted, type ScenarioHooks } from './hooks.js';
import type { ScenarioRecording } from './recording.js';
import { SCENARIO_DESCRIPTIONS, type ScenarioSettings } from './settings.js';
import type { Targets } from './targets.js';
import { startTicker } from './ticker.js';

/** Both gateways under steady load at once while the dependency goes healthy -> hang -> healthy. */
export async function runTimeline(
  targets: Targets,
  settings: ScenarioSettings,
  { signal, onSecond }: ScenarioHooks = {},
): Promise<ScenarioRecording> {
  const { connections, healthyMs, hangMs, recoveryMs } = settings.timeline;
  const total = healthyMs + hangMs + recoveryMs;
  const recommendations = targets['recommendations-service'];
  await setFailureMode(recommendations, 'healthy');

  // One controller for the loads: the caller's abort, or a failed switch, stops both.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const t0 = Date.now();
  const start = (gateway: 'v1' | 'v2') =>
    startGatewayLoad({
      gateway,
      targets,
      connections,
      durationMs: total,
      settings,
      t0,
      signal: stop.signal,
    });
  const loads = [start('v1'), start('v2')] as const;
  const phases: Phase[] = [];
  let mode: FailureMode = 'healthy';
  let phaseStart = 0;
  const modeAt = (atMs: number) =>
    phases.find((p) => atMs >= p.startMs && atMs < p.endMs)?.mode ?? mode;
  const stopTicker = startTicker('timeline', t0, () => [...loads], modeAt, onSecond);

  const switchTo = async (next: FailureMode, atMs: number) => {
    await sleep(Math.max(0, t0 + atMs - Date.now()), undefined, { signal: stop.signal });
    await setFailureMode(recommendations, next);
    const now = Date.now() - t0;
    phases.push({ mode, startMs: phaseStart, endMs: now });
    mode = next;
    phaseStart = now;
  };

  let failure: Error | undefined;
  try {
    await switchTo('hang', healthyMs);
    await switchTo('healthy', healthyMs + hangMs);
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    stop.abort();
  }
  let recorded;
  try {
    recorded = await Promise.all([loads[0].done, loads[1].done]);
  } finally {
    stopTicker();
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw interrupted('timeline');
  if (failure !== undefined) throw failure;
  const [v1, v2] = recorded;
  const end = Date.now() - t0;
  phases.push({ mode, startMs: phaseStart, endMs: end });
  return {
    name: 'timeline',
    description: SCENARIO_DESCRIPTIONS.timeline,
    t0,
    durationMs: end,
    phases,
    gateways: { v1, v2 },
  };
}
