import type { FailureMode } from '@cbd/recommendations-service/contract';
import { interrupted } from '../errors.js';
import { LOAD_PATH } from '../model/gateways.js';
import type { Phase } from '../model/phases.js';
import { controlOf, type Control } from '../runner/control.js';
import { startLoad } from '../runner/load.js';
import { startGatewayLoad, type GatewayRecording } from './gateway-load.js';
import { ladderRungs, type Rung, type RungId } from './ladder.js';
import { inTimeCounter, startProgress, type ScenarioHooks } from './progress.js';
import { SCENARIO_DESCRIPTIONS, type ScenarioSettings } from './settings.js';
import { scenarioStop, startSwitches } from './switches.js';

/** Where each rung of the ladder runs: its own gateway and its own recommendations-service. */
export interface LadderStack {
  rungs: Record<RungId, { gateway: string; recommendations: string }>;
  /** Sent with every switch when the services guard their admin routes with one. */
  adminToken?: string | undefined;
}

export interface RungRecording {
  rung: Rung;
  recording: GatewayRecording;
}

/** What the ladder produced, before the report summarizes it. */
export interface LayersRecording {
  name: 'layers';
  description: string;
  t0: number;
  durationMs: number;
  phases: Phase[];
  /** Each rung's recommendations-service: calls served at once, and how long each takes. */
  capacity: { limit: number; workMs: number };
  rungs: RungRecording[];
}

/** Every rung under the users for the warm-up, whose outcomes are dropped; then breakers closed. */
async function warmUp(
  stack: LadderStack,
  rungs: readonly Rung[],
  controls: readonly Control[],
  settings: ScenarioSettings,
  signal: AbortSignal | undefined,
): Promise<void> {
  const load = settings.load.layers;
  const t0 = Date.now();
  const durationMs = settings.layers.warmupMs;
  await Promise.all(
    rungs.map((rung) => {
      const url = `${stack.rungs[rung.id].gateway}${LOAD_PATH}`;
      const common = { url, durationMs, t0, ...(signal ? { signal } : {}), keepRecords: false };
      return startLoad({ ...common, load, tailMs: load.patienceMs }).done;
    }),
  );
  if (signal?.aborted) throw interrupted('layers');
  await Promise.all(
    rungs.flatMap((rung, i) => (rung.gateway === 'v2' ? [controls[i]!.resetBreaker()] : [])),
  );
}

/**
 * Every rung under the same users at once (the same seed: the same arrival times) while each
 * rung's own dependency goes healthy -> hang -> healthy at the same moments. Separate
 * dependencies, so one rung's calls cannot make another's dependency sick.
 */
export async function runLayers(
  stack: LadderStack,
  settings: ScenarioSettings,
  { signal, onSecond }: ScenarioHooks = {},
): Promise<LayersRecording> {
  const { healthyMs, hangMs, recoveryMs, capacity, workMs, retries } = settings.layers;
  const rungs = ladderRungs(retries);
  const controls: Control[] = rungs.map((rung) => {
    const at = stack.rungs[rung.id];
    return controlOf(
      {
        'gateway-v1': at.gateway,
        'gateway-v2': at.gateway,
        'recommendations-service': at.recommendations,
      },
      stack.adminToken,
    );
  });
  const setAll = (mode: FailureMode) =>
    Promise.all(controls.map((c) => c.setFailure({ mode, capacity, workMs })));
  await setAll('healthy');
  await warmUp(stack, rungs, controls, settings, signal);

  const stop = scenarioStop('layers', signal);
  const t0 = Date.now();
  const counts = inTimeCounter();
  const loads = rungs.map((rung) =>
    startGatewayLoad({
      gateway: rung.gateway,
      lane: rung.id,
      url: stack.rungs[rung.id].gateway,
      dependencyUrl: stack.rungs[rung.id].recommendations,
      load: settings.load.layers,
      durationMs: healthyMs + hangMs + recoveryMs,
      settings,
      t0,
      signal: stop.signal,
      onResult: counts.counter(rung.id),
    }),
  );
  const switches = startSwitches(t0, { mode: 'healthy' }, stop.signal);
  const stopProgress = startProgress(
    'layers',
    t0,
    () => loads,
    counts.count,
    switches.modeAt,
    onSecond,
  );

  const recorded = await stop.finish(
    async () => {
      await switches.switchTo({ mode: 'hang' }, healthyMs, () => setAll('hang'));
      await switches.switchTo({ mode: 'healthy' }, healthyMs + hangMs, () => setAll('healthy'));
    },
    loads,
    stopProgress,
  );
  const phases = switches.end();
  return {
    name: 'layers',
    description: SCENARIO_DESCRIPTIONS.layers,
    t0,
    durationMs: phases.at(-1)!.endMs,
    phases,
    capacity: { limit: capacity, workMs },
    rungs: rungs.map((rung, i) => ({ rung, recording: recorded[i]! })),
  };
}
