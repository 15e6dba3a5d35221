import os from 'node:os';
import type { EnvSource } from '@cbd/common';
import {
  benchSettings,
  buildBench,
  collectEnvironment,
  measureBreakerOverhead,
  overheadOptions,
  runBench,
  type BenchReport,
  type SecondReport,
} from '@cbd/loadtest';
import type { Interrupts } from '../cli/interrupt.js';
import type { DemoServiceEnv } from '../demo/service-env.js';
import { progressLine } from '../demo/progress.js';
import type { ServiceLogs } from '../demo/service-logs.js';
import { ROOT_DIR, type StackPorts } from '../stack/services.js';
import { startBenchStack, type ChildDeath } from './bench-stack.js';
import { gatewayBreakerFactory } from './breaker-factory.js';

export class ChildDiedError extends Error {
  override name = 'ChildDiedError';
  constructor(readonly death: ChildDeath) {
    const { signal, code } = death.exit;
    super(`${death.name} exited unexpectedly (${signal ?? `code ${code}`})`);
  }
}

export interface BenchJob {
  quick: boolean;
  services: DemoServiceEnv;
  ports: StackPorts;
  baseEnv: EnvSource;
  logs: ServiceLogs;
  interrupts: Interrupts;
  say: (line: string) => void;
}

const PHASES = 6;

/** The whole bench: the in-process overhead first (on a quiet machine), then the stack's phases. */
export async function runBenchJob(job: BenchJob): Promise<BenchReport> {
  const { quick, services, interrupts, say } = job;
  const startedAt = new Date();
  const loadStart = os.loadavg();
  const settings = benchSettings(quick, services.settings);
  let phase = 0;
  const onPhase = (title: string) => say(`[${(phase += 1)}/${PHASES}] ${title}`);
  const onStep = (line: string) => say(`      ${line}`);
  // Every second of a quick outage, every fifth of a full one: a line per step, not a flood.
  const every = quick ? 1 : 5;
  const onSecond = (s: SecondReport) => {
    if ((s.t + 1) % every === 0) onStep(progressLine(s));
  };

  onPhase('breaker overhead, in-process: opossum fire() against a direct call, closed and open');
  const breakerOverhead = await measureBreakerOverhead(
    gatewayBreakerFactory(services.settings.v2),
    overheadOptions(quick),
  );
  const ns = (n: number) => `${Math.round(n)} ns`;
  onStep(
    `direct ${ns(breakerOverhead.directNs)}; closed +${ns(breakerOverhead.closedOverheadNs)}; open +${ns(breakerOverhead.openOverheadNs)}; open as gateway-v2 fires it +${ns(breakerOverhead.openGatewayOverheadNs)} per call`,
  );
  interrupts.signal.throwIfAborted();

  onPhase(`starting the four services and a bare proxy (logs: ${job.logs.dir})`);
  const stack = await startBenchStack({
    ports: job.ports,
    baseEnv: job.baseEnv,
    overrides: services.overrides,
    onLine: (service, line) => job.logs.write(service, line),
  });
  void stack.died.then((death) => interrupts.abort(new ChildDiedError(death)));
  let measured;
  try {
    interrupts.signal.throwIfAborted();
    measured = await runBench({
      quick,
      settings,
      targets: stack.targets,
      pids: stack.pids,
      signal: interrupts.signal,
      onPhase,
      onStep,
      onSecond,
    });
  } finally {
    await stack.stop();
  }
  return buildBench({
    quick,
    settings,
    environment: await collectEnvironment(ROOT_DIR),
    loadAverage: { start: loadStart, end: os.loadavg() },
    measurements: { breakerOverhead, ...measured },
    startedAt,
    finishedAt: new Date(),
  });
}
