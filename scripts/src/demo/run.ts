import type { EnvSource } from '@cbd/common';
import {
  buildReport,
  collectEnvironment,
  readServiceSettings,
  runOutage,
  runTimeline,
  type OnSecond,
  type Report,
  type ScenarioName,
  type ScenarioRecording,
  type ScenarioSettings,
  type Targets,
} from '@cbd/loadtest';
import { Stack, type UnexpectedExit } from '../stack/stack.js';
import { ROOT_DIR, type StackPorts } from '../stack/services.js';
import { checkReachable, settle } from './existing-stack.js';
import type { DemoOptions } from './options.js';
import type { DemoServiceEnv } from './service-env.js';
import type { ServiceLogs } from './service-logs.js';

export class ServiceDiedError extends Error {
  override name = 'ServiceDiedError';
  constructor(readonly died: UnexpectedExit) {
    super(`${died.service} exited unexpectedly (${died.exit.signal ?? `code ${died.exit.code}`})`);
  }
}

export interface DemoPlan {
  options: DemoOptions;
  settings: ScenarioSettings;
  services: DemoServiceEnv;
  ports: StackPorts;
  baseEnv: EnvSource;
  logs: ServiceLogs;
  signal: AbortSignal;
  /** Aborts the run (e.g. when a service dies). */
  abort: (reason: Error) => void;
  say: (line: string) => void;
  onSecond: OnSecond;
}

const RUNNERS = { outage: runOutage, timeline: runTimeline } as const;

async function startStack(plan: DemoPlan, scenario: ScenarioName): Promise<Stack> {
  plan.logs.note(`scenario ${scenario}`);
  plan.say(`Starting the four services (logs: ${plan.logs.dir})`);
  const stack = await Stack.start({
    ports: plan.ports,
    host: '127.0.0.1',
    baseEnv: plan.baseEnv,
    overrides: plan.services.overrides,
    onLine: (service, line) => plan.logs.write(service, line),
  });
  void stack.died.then((died) => plan.abort(new ServiceDiedError(died)));
  return stack;
}

export interface DemoResult {
  report: Report;
  /** autocannon's own results per gateway, by scenario (results_v1.json, results_v2.json). */
  raw: { v1: Record<string, unknown>; v2: Record<string, unknown> };
}

/** Runs each scenario against a fresh stack (or the given one) and builds the report. */
export async function runDemo(plan: DemoPlan): Promise<DemoResult> {
  const { options, settings, signal, say } = plan;
  const recordings: ScenarioRecording[] = [];
  let targets: Targets = options.urls;
  let services = plan.services.settings;
  if (options.noStart) {
    await checkReachable(targets);
    services = await readServiceSettings(targets);
  }
  for (const [index, name] of options.scenarios.entries()) {
    if (options.noStart) {
      // The stack cannot be restarted: give each scenario the clean start a fresh stack has.
      if (index > 0) say('Healing the dependency and letting hung requests drain');
      await settle(targets, services.hangMs + 5000, signal);
    }
    const stack = options.noStart ? undefined : await startStack(plan, name);
    if (stack) targets = stack.urls;
    try {
      say(`Scenario ${name}: ${describe(name, settings)}`);
      recordings.push(await RUNNERS[name](targets, settings, { signal, onSecond: plan.onSecond }));
    } finally {
      await stack?.stop();
    }
  }
  const report = buildReport({
    settings,
    services,
    targets,
    recordings,
    environment: await collectEnvironment(ROOT_DIR),
    generatedAt: new Date(),
  });
  const rawOf = (gateway: 'v1' | 'v2') =>
    Object.fromEntries(recordings.map((r) => [r.name, r.gateways[gateway].load.raw]));
  return { report, raw: { v1: rawOf('v1'), v2: rawOf('v2') } };
}

function describe(name: ScenarioName, settings: ScenarioSettings): string {
  if (name === 'outage') {
    const { connections, durationMs } = settings.outage;
    return `recommendations hang; gateway-v1 then gateway-v2, ${connections} connections, ${durationMs / 1000} s each`;
  }
  const { connections, healthyMs, hangMs, recoveryMs } = settings.timeline;
  return `both gateways at once, ${connections} connections each; healthy ${healthyMs / 1000} s, hang ${hangMs / 1000} s, healthy ${recoveryMs / 1000} s`;
}
