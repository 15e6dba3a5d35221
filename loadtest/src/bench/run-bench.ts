import { formatCount, formatMs, formatRate } from '../report/format.js';
import { resetBreaker, setFailureMode } from '../runner/control.js';
import { scenarioSettings } from '../scenarios/settings.js';
import { LOAD_PATH, type Targets } from '../scenarios/targets.js';
import type { OnSecond } from '../scenarios/ticker.js';
import { measureAlternating, type BenchTarget } from './alternate.js';
import { measureOutage } from './outage.js';
import { measureProtection } from './protection.js';
import type { BenchMeasurements, BenchSettings, ThroughputRun } from './schema.js';
import { toTarget } from './throughput.js';

export interface BenchTargets extends Targets {
  'bare-proxy': string;
}

export interface BenchPids {
  'gateway-v1': number;
  'gateway-v2': number;
  'bare-proxy': number;
}

export interface BenchPlan {
  quick: boolean;
  settings: BenchSettings;
  targets: BenchTargets;
  pids: BenchPids;
  signal?: AbortSignal;
  /** A new phase starts (one line). */
  onPhase: (title: string) => void;
  /** A step within it ended (one line). */
  onStep: (line: string) => void;
  onSecond?: OnSecond;
}

const runLine = (round: number, rounds: number, name: string, r: ThroughputRun) =>
  `round ${round}/${rounds}  ${name.padEnd(10)} ${formatRate(r.reqPerSec).padStart(6)} req/s  p99 ${formatMs(r.p99Ms).padStart(7)}` +
  (r.cpuUsPerRequest === null ? '' : `  CPU ${formatCount(r.cpuUsPerRequest)} µs/request`);

/** Everything but the in-process breaker overhead, against a running stack and bare proxy. */
export async function runBench(
  plan: BenchPlan,
): Promise<Omit<BenchMeasurements, 'breakerOverhead'>> {
  const { settings, targets, pids, signal, onPhase, onStep } = plan;
  const { connections, warmupMs, runMs, rounds } = settings;
  const recommendations = targets['recommendations-service'];
  const v2 = targets['gateway-v2'];
  const target = (name: string, service: keyof BenchPids): BenchTarget => ({
    name,
    url: `${targets[service]}${LOAD_PATH}`,
    pid: pids[service],
  });
  const options = {
    connections,
    warmupMs,
    runMs,
    rounds,
    ...(signal ? { signal } : {}),
    onRun: (round: number, name: string, r: ThroughputRun) =>
      onStep(runLine(round, rounds, name, r)),
  };
  const seconds = (ms: number) => `${ms / 1000} s`;
  const load = `${connections} connections; warm-up ${seconds(warmupMs)}, ${rounds} rounds of ${seconds(runMs)}`;

  onPhase(`bare proxy vs gateway-v2 with its circuit open (recommendations hang), ${load}`);
  await setFailureMode(recommendations, 'hang');
  const open = await measureAlternating(
    [target('bare', 'bare-proxy'), target('v2 open', 'gateway-v2')],
    options,
  );

  onPhase(`gateway-v2 healthy (product and recommendations in parallel), ${load}`);
  await setFailureMode(recommendations, 'healthy');
  await resetBreaker(v2);
  const healthy = await measureAlternating([target('v2 healthy', 'gateway-v2')], options);

  const { timeoutMs, resetTimeoutMs } = settings.services.v2;
  onPhase(
    `time to protect and heal: gateway-v2 under ${settings.steadyConnections} connections, healthy then hang; healed when the circuit opens`,
  );
  const protection = await measureProtection({
    v2Url: v2,
    recommendationsUrl: recommendations,
    connections: settings.steadyConnections,
    baselineMs: warmupMs + runMs,
    timeoutMs,
    resetTimeoutMs,
    ...(signal ? { signal } : {}),
  });
  const opt = (ms: number | null) => (ms === null ? '—' : formatMs(ms));
  onStep(
    `healthy p99 ${formatMs(protection.healthyP99Ms)}; circuit OPEN after ${opt(protection.openedAfterMs)}; protected after ${opt(protection.timeToProtectMs)}; live recommendations ${opt(protection.timeToHealMs)} after the heal`,
  );

  const scenario = scenarioSettings(plan.quick, { connections });
  onPhase(
    `outage: recommendations hang; gateway-v1, then gateway-v2, ${connections} connections, ${seconds(scenario.outage.durationMs)} each; RSS sampled`,
  );
  const outage = await measureOutage({
    targets,
    settings: scenario,
    pids: { v1: pids['gateway-v1'], v2: pids['gateway-v2'] },
    ...(signal ? { signal } : {}),
    ...(plan.onSecond ? { onSecond: plan.onSecond } : {}),
  });
  await setFailureMode(recommendations, 'healthy');
  return {
    bare: toTarget(target('bare', 'bare-proxy').url, open.bare!),
    v2Open: toTarget(target('v2 open', 'gateway-v2').url, open['v2 open']!),
    v2Healthy: toTarget(target('v2 healthy', 'gateway-v2').url, healthy['v2 healthy']!),
    protection,
    outage,
  };
}
