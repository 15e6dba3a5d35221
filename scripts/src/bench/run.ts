import os from 'node:os';
import { readSettings, type EnvSource } from '@cbd/common';
import { breakerSettings } from '@cbd/gateway-v2/contract';
import {
  benchSettings,
  buildBench,
  collectEnvironment,
  measureBreakerOverhead,
  overheadOptions,
  readStackSettings,
  runCapacityBench,
  runOutageBench,
  type BenchReport,
  type SecondReport,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import { progressLine } from '../cli/progress.js';
import type { StackPlan } from '../stack/service-env.js';
import type { ServiceLogs } from '../stack/service-logs.js';
import { ROOT_DIR } from '../stack/services.js';
import { startBenchStack } from './bench-stack.js';

export interface BenchJob {
  quick: boolean;
  stack: StackPlan;
  baseEnv: EnvSource;
  logs: ServiceLogs;
  say: (line: string) => void;
}

const PHASES = 7;

/** The whole bench: the in-process overhead first (on a quiet machine), then the stack's phases. */
export async function runBenchJob(job: BenchJob, context: CommandContext): Promise<BenchReport> {
  const { quick, say } = job;
  const { signal } = context;
  const startedAt = new Date();
  const loadStart = os.loadavg();
  let phase = 0;
  const onPhase = (title: string) => say(`[${(phase += 1)}/${PHASES}] ${title}`);
  const onStep = (line: string) => say(`      ${line}`);
  // Every second of a quick outage, every fifth of a full one: a line per step, not a flood.
  const every = quick ? 1 : 5;
  const onSecond = (s: SecondReport) => {
    if ((s.t + 1) % every === 0) onStep(progressLine(s));
  };

  onPhase('breaker overhead, in-process: opossum fire() against a direct call, closed and open');
  // The options gateway-v2 will be started with, read from its environment by its own settings.
  const v2Options = readSettings(breakerSettings, job.stack.envs['gateway-v2']);
  const breakerOverhead = await measureBreakerOverhead(v2Options, overheadOptions(quick));
  const ns = (n: number) => `${Math.round(n)} ns`;
  onStep(
    `direct ${ns(breakerOverhead.directNs)}; closed +${ns(breakerOverhead.closedOverheadNs)}; open +${ns(breakerOverhead.openOverheadNs)}; open as gateway-v2 fires it +${ns(breakerOverhead.openGatewayOverheadNs)} per call`,
  );
  signal.throwIfAborted();

  onPhase(`starting the four services and a bare proxy (logs: ${job.logs.dir})`);
  const start = () =>
    startBenchStack({
      plan: job.stack,
      baseEnv: job.baseEnv,
      run: context,
      onLine: (service, line) => job.logs.write(service, line),
    });
  let stack = await start();
  let settings;
  let outage;
  try {
    settings = benchSettings(quick, await readStackSettings(stack.targets));
    signal.throwIfAborted();
    outage = await runOutageBench({ quick, settings, signal, onPhase, onStep, onSecond }, stack);
  } finally {
    await stack.stop();
  }
  // The capacity runs hold gateway-v2 against a bare proxy that was never in the outage: both
  // start them fresh (runCapacityBench says why).
  signal.throwIfAborted();
  onStep('services stopped; starting them again, so the capacity runs begin on fresh processes');
  stack = await start();
  let measured;
  try {
    measured = await runCapacityBench({ quick, settings, signal, onPhase, onStep }, stack);
  } finally {
    await stack.stop();
  }
  return buildBench({
    quick,
    settings,
    environment: await collectEnvironment(ROOT_DIR),
    loadAverage: { start: loadStart, end: os.loadavg() },
    measurements: { breakerOverhead, outage, ...measured },
    startedAt,
    finishedAt: new Date(),
  });
}
