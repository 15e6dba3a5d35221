import {
  buildReport,
  collectEnvironment,
  controlOf,
  describeLoad,
  rawResults,
  readStackSettings,
  runOutage,
  runTimeline,
  type OnSecond,
  type Report,
  type ScenarioName,
  type ScenarioRecording,
  type ScenarioSettings,
  type StackSettings,
  type Targets,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import type { StackPlan } from '../stack/service-env.js';
import type { ServiceLogs } from '../stack/service-logs.js';
import { ROOT_DIR } from '../stack/services.js';
import { Stack } from '../stack/stack.js';
import { checkReachable, settle } from './existing-stack.js';
import type { DemoOptions } from './options.js';

export interface DemoPlan {
  options: DemoOptions;
  /** Undefined with --no-start: the services are already running. */
  stack: StackPlan | undefined;
  settings: ScenarioSettings;
  /** Where --live serves its page. */
  dashboardPort: number | undefined;
  /** Sent with every admin call when the services guard them with one. */
  adminToken: string | undefined;
}

export interface DemoHooks {
  logs: ServiceLogs;
  say: (line: string) => void;
  onSecond: OnSecond;
}

const RUNNERS = { outage: runOutage, timeline: runTimeline } as const;

export interface DemoResult {
  report: Report;
  /** Every user per gateway, by scenario (results_v1.json, results_v2.json). */
  raw: { v1: Record<string, unknown>; v2: Record<string, unknown> };
}

/** Runs each scenario against a fresh stack (or the running one) and builds the report. */
export async function runDemo(
  plan: DemoPlan,
  context: CommandContext,
  { logs, say, onSecond }: DemoHooks,
): Promise<DemoResult> {
  const { options, settings, adminToken } = plan;
  const { signal } = context;
  const recordings: ScenarioRecording[] = [];
  let targets: Targets = options.urls;
  // What the services really run with, read from them, for the report.
  let services: StackSettings | undefined;
  let drainMs = 0;
  if (!plan.stack) {
    await checkReachable(targets);
    services = await readStackSettings(targets);
    drainMs = services.recommendations.hangMs + 5000;
  }
  for (const [index, name] of options.scenarios.entries()) {
    let stack: Stack | undefined;
    if (plan.stack) {
      logs.note(`scenario ${name}`);
      say(`Starting the four services (logs: ${logs.dir})`);
      stack = await Stack.start(plan.stack, {
        run: context,
        onLine: (service, line) => logs.write(service, line),
      });
      targets = stack.urls;
    }
    const control = controlOf(targets, adminToken);
    // The stack cannot be restarted: give each scenario the clean start a fresh stack has.
    if (!plan.stack) {
      if (index > 0) say('Healing the dependency and letting hung requests drain');
      await settle(control, drainMs, signal);
    }
    try {
      services ??= await readStackSettings(targets);
      say(`Scenario ${name}: ${describe(name, settings)}`);
      recordings.push(await RUNNERS[name]({ targets, control }, settings, { signal, onSecond }));
    } finally {
      await stack?.stop();
    }
  }
  if (!services) throw new Error('no scenario was run');
  const report = buildReport({
    settings,
    services,
    targets,
    recordings,
    environment: await collectEnvironment(ROOT_DIR),
    generatedAt: new Date(),
  });
  return { report, raw: { v1: rawResults(recordings, 'v1'), v2: rawResults(recordings, 'v2') } };
}

function describe(name: ScenarioName, settings: ScenarioSettings): string {
  const users = describeLoad(settings.load[name]);
  if (name === 'outage') {
    return `recommendations hang; gateway-v1 then gateway-v2, ${users}, ${settings.outage.durationMs / 1000} s each`;
  }
  const { healthyMs, hangMs, recoveryMs } = settings.timeline;
  return `both gateways at once, ${users} each; healthy ${healthyMs / 1000} s, hang ${hangMs / 1000} s, healthy ${recoveryMs / 1000} s`;
}
