import { formatCount, formatMs, formatPercent, formatRate } from '../browser/format.js';
import { LOAD_PATH } from '../model/gateways.js';
import type { OpenLoad } from '../model/load.js';
import type { Control, StackSettings, Targets } from '../runner/control.js';
import type { OnSecond } from '../scenarios/progress.js';
import { scenarioSettings } from '../scenarios/settings.js';
import type { OverheadOptions } from './breaker-overhead.js';
import { measureAlternating, type BenchTarget } from './capacity.js';
import { measureOutage } from './outage.js';
import { measureBurst, measureProtection } from './protection.js';
import type { BenchMeasurements, BenchSettings, OutageFigures, ThroughputRun } from './schema.js';

export interface BenchTargets extends Targets {
  'bare-proxy': string;
}

export interface BenchPids {
  'gateway-v1': number;
  'gateway-v2': number;
  'bare-proxy': number;
}

/** A bulkhead wide enough never to shed: what gateway-v2 had before it was sized (README). */
export const WIDE_BULKHEAD = 100;
/** "Slow but working": the added latency that shows what a tight bulkhead costs. */
const SLOW_DEPENDENCY_MS = 50;

/** The demo's outage, as the bench puts it on the gateways: its settings and its users' load. */
function outageOf(quick: boolean) {
  const scenario = scenarioSettings({ quick, model: 'open' });
  return { scenario, load: scenario.load.outage as OpenLoad };
}

/**
 * The full bench: warm-ups of 3 s, then 5 alternating rounds of 5 s per target; users arriving
 * at the demo's rate; the demo's outage. --quick: about a minute in all.
 */
export function benchSettings(quick: boolean, services: StackSettings): BenchSettings {
  const { scenario, load } = outageOf(quick);
  return {
    connections: 100,
    warmupMs: quick ? 1000 : 3000,
    runMs: quick ? 2000 : 5000,
    rounds: quick ? 2 : 5,
    rate: load.rate,
    outageMs: scenario.outage.durationMs,
    services,
  };
}

export function overheadOptions(quick: boolean): OverheadOptions {
  return quick ? { iterations: 20_000, repeats: 3 } : { iterations: 100_000, repeats: 7 };
}

/** One running stack: the four services and the bare proxy, as the bench reaches them. */
export interface BenchStack {
  targets: BenchTargets;
  control: Control;
  pids: BenchPids;
}

export interface BenchPlan {
  quick: boolean;
  settings: BenchSettings;
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

const seconds = (ms: number) => `${ms / 1000} s`;

/**
 * Phase 3, on fresh processes: a gateway's heap stays as large as the busiest load it has seen,
 * so memory under the outage is read before anything runs flat out.
 */
export async function runOutageBench(plan: BenchPlan, stack: BenchStack): Promise<OutageFigures> {
  const { quick, signal, onPhase } = plan;
  const { targets, control, pids } = stack;
  const { scenario, load } = outageOf(quick);
  onPhase(
    `outage, per user: recommendations hang; gateway-v1, then gateway-v2, ${formatRate(load.rate)} users/s, ${seconds(scenario.outage.durationMs)} each; memory and sockets sampled`,
  );
  return measureOutage({
    stack: { targets, control },
    settings: scenario,
    pids: { v1: pids['gateway-v1'], v2: pids['gateway-v2'] },
    ...(signal ? { signal } : {}),
    ...(plan.onSecond ? { onSecond: plan.onSecond } : {}),
  });
}

/**
 * Phases 4 to 7, on a stack started after the outage's: gateway-v2 and the bare proxy are held
 * side by side, so both must come to them with the same past. Straight after the outage
 * (timeouts, fallbacks, a circuit opening and closing), gateway-v2 served its open circuit
 * measurably slower than a fresh one does (README, "Performance"), a past the bare proxy,
 * never in the outage, lacks.
 */
export async function runCapacityBench(
  plan: BenchPlan,
  stack: BenchStack,
): Promise<Omit<BenchMeasurements, 'breakerOverhead' | 'outage'>> {
  const { quick, settings, signal, onPhase, onStep } = plan;
  const { targets, control, pids } = stack;
  const { connections, warmupMs, runMs, rounds } = settings;
  const v2 = targets['gateway-v2'];
  const target = (name: string, service: keyof BenchPids): BenchTarget => ({
    name,
    url: `${targets[service]}${LOAD_PATH}`,
    pid: pids[service],
  });
  const capacity = {
    connections,
    warmupMs,
    runMs,
    rounds,
    ...(signal ? { signal } : {}),
    onRun: (round: number, name: string, r: ThroughputRun) =>
      onStep(runLine(round, rounds, name, r)),
  };
  const flatOut = `${connections} connections flat out; warm-up ${seconds(warmupMs)}, ${rounds} rounds of ${seconds(runMs)}`;
  const startupCapacity = settings.services.v2.capacity ?? WIDE_BULKHEAD;
  const { load } = outageOf(quick);

  onPhase(
    `capacity: bare proxy vs gateway-v2 with its circuit open (recommendations hang), ${flatOut}`,
  );
  await control.setFailure({ mode: 'hang' });
  const open = await measureAlternating(
    [target('bare', 'bare-proxy'), target('v2 open', 'gateway-v2')],
    capacity,
  );

  onPhase(
    `capacity: gateway-v2 healthy (product and recommendations in parallel), bulkhead ${connections}, ${flatOut}`,
  );
  await control.setFailure({ mode: 'healthy' });
  // Flat out, 100 connections keep far more than the bulkhead's 10 calls in flight; opossum
  // counts each call the bulkhead turns back as a failure, so the circuit would open within
  // moments and gateway-v2 would answer from the product alone. As wide as the connections,
  // every request makes both calls, which is what this phase prices.
  await control.configureBreaker({ capacity: connections });
  await control.resetBreaker();
  const healthy = await measureAlternating([target('v2 healthy', 'gateway-v2')], capacity);

  const { timeoutMs, resetTimeoutMs } = settings.services.v2;
  const protect = (bulkhead: number) =>
    measureProtection({
      url: `${v2}${LOAD_PATH}`,
      v2Url: v2,
      control,
      load,
      capacity: bulkhead,
      baselineMs: warmupMs + runMs,
      windowMs: Math.min(1000, resetTimeoutMs / 2),
      timeoutMs,
      resetTimeoutMs,
      ...(signal ? { signal } : {}),
    });
  const protectionLine = (p: Awaited<ReturnType<typeof protect>>) =>
    `bulkhead ${p.capacity}: healthy p99 ${formatMs(p.healthyP99Ms)}; OPEN after ${p.openedAfterMs === null ? '—' : formatMs(p.openedAfterMs)}; protected after ${p.timeToProtectMs === null ? '—' : formatMs(p.timeToProtectMs)} (${formatCount(p.waitedOutTimeout)} users waited out the timeout); live recommendations ${p.timeToHealMs === null ? '—' : formatMs(p.timeToHealMs)} after the heal`;
  onPhase(
    `time to protect and heal: gateway-v2 under ${formatRate(load.rate)} users/s, healthy then hang; healed when the circuit opens; bulkhead ${startupCapacity}, then ${WIDE_BULKHEAD}`,
  );
  const protection = await protect(startupCapacity);
  onStep(protectionLine(protection));
  const protectionWide = await protect(WIDE_BULKHEAD);
  onStep(protectionLine(protectionWide));

  onPhase(
    `what the bulkhead costs: users whose recommendations it drops with nothing wrong (${formatRate(load.rate)} users/s, Poisson), and with recommendations ${SLOW_DEPENDENCY_MS} ms slower`,
  );
  const bursts = [];
  for (const dependencyLatencyMs of [0, SLOW_DEPENDENCY_MS]) {
    for (const bulkhead of [startupCapacity, WIDE_BULKHEAD]) {
      const burst = await measureBurst({
        url: `${v2}${LOAD_PATH}`,
        v2Url: v2,
        control,
        load,
        capacity: bulkhead,
        dependencyLatencyMs,
        durationMs: quick ? 1500 : 5000,
        ...(signal ? { signal } : {}),
      });
      bursts.push(burst);
      onStep(
        `recommendations +${dependencyLatencyMs} ms, bulkhead ${bulkhead}: ${formatPercent(burst.rejectedShare)} of ${formatCount(burst.users)} users got the page without recommendations`,
      );
    }
  }
  await control.restoreBreaker();

  return {
    bare: open.bare!,
    v2Open: open['v2 open']!,
    v2Healthy: healthy['v2 healthy']!,
    protection,
    protectionWide,
    bursts,
  };
}
