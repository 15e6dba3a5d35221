import {
  buildReport,
  collectEnvironment,
  controlOf,
  describeLoad,
  rawResults,
  readStackSettings,
  ladderRungs,
  runLayers,
  runOutage,
  runPartial,
  runTimeline,
  type LayersRecording,
  type OnSecond,
  type Report,
  type ScenarioName,
  type ScenarioRecording,
  type ScenarioSettings,
  type StackSettings,
  type Targets,
  type LadderStack,
  type ServiceName,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import { runningOf } from '../cli/options.js';
import type { LadderChildName, LadderPlan, StackPlan } from '../stack/service-env.js';
import type { ServiceLogs } from '../stack/service-logs.js';
import { ROOT_DIR } from '../stack/services.js';
import { Stack } from '../stack/stack.js';
import { checkReachable, settle } from './existing-stack.js';
import type { DemoOptions } from './options.js';

export interface DemoPlan {
  options: DemoOptions;
  /** Undefined with --no-start: the services are already running. */
  stack: StackPlan | undefined;
  /** With --no-start, where they run. */
  running: Targets | undefined;
  /** --scenario layers: the ladder's processes. */
  ladder: LadderPlan | undefined;
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

const RUNNERS = { outage: runOutage, timeline: runTimeline, partial: runPartial } as const;

/** The ladder's rungs in a demo: what planLadder starts and runLayers loads. */
export const demoRungs = (settings: ScenarioSettings) => ladderRungs(settings.layers.retries);

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
  const recordings: (ScenarioRecording | LayersRecording)[] = [];
  let targets: Targets | undefined = plan.running;
  // The ladder's own processes, for the report, when the layers ran instead of the stack.
  let ranAt: Record<string, string> | undefined;
  // What the services really run with, read from them, for the report.
  let services: StackSettings | undefined;
  let drainMs = 0;
  if (!plan.stack) {
    const running = runningOf(plan);
    await checkReachable(running);
    services = await readStackSettings(running);
    drainMs = services.recommendations.hangMs + 5000;
  }
  for (const [index, name] of options.scenarios.entries()) {
    if (name === 'layers') {
      if (!plan.ladder) throw new Error('--scenario layers needs its ladder planned');
      say(`Scenario layers: ${describe(name, settings)}`);
      const ran = await runLadder(plan.ladder, plan, context, { logs, say, onSecond });
      recordings.push(ran.recording);
      services ??= ran.services;
      ranAt = ran.targets;
      continue;
    }
    let stack: Stack | undefined;
    if (plan.stack)
      stack = await Stack.startLogged(plan.stack, context, logs, `scenario ${name}`, say);
    const at = stack?.urls ?? runningOf(plan);
    targets = at;
    const control = controlOf(at, adminToken);
    // The stack cannot be restarted: give each scenario the clean start a fresh stack has.
    if (!plan.stack) {
      if (index > 0) say('Healing the dependency and letting hung requests drain');
      await settle(control, drainMs, signal);
    }
    try {
      services ??= await readStackSettings(at);
      say(`Scenario ${name}: ${describe(name, settings)}`);
      recordings.push(
        await RUNNERS[name]({ targets: at, control }, settings, { signal, onSecond }),
      );
    } finally {
      await stack?.stop();
    }
  }
  if (!services) throw new Error('no scenario was run');
  const report = buildReport({
    settings,
    services,
    targets: ranAt ?? { ...targets },
    recordings,
    environment: await collectEnvironment(ROOT_DIR),
    generatedAt: new Date(),
  });
  return { report, raw: { v1: rawResults(recordings, 'v1'), v2: rawResults(recordings, 'v2') } };
}

/**
 * The ladder: its processes started, every rung loaded at once, everything stopped. What the
 * report states as the services' settings is read from the rungs at both ends.
 */
async function runLadder(
  ladder: LadderPlan,
  plan: DemoPlan,
  context: CommandContext,
  { logs, say, onSecond }: DemoHooks,
): Promise<{
  recording: LayersRecording;
  services: StackSettings;
  targets: Record<string, string>;
}> {
  logs.note('scenario layers');
  say(`Starting the ladder: ${ladder.children.length} processes (logs: ${logs.dir})`);
  const stack = await Stack.startChildren<LadderChildName>(
    ladder.host,
    ladder.children,
    ladder.wanted,
    {
      run: context,
      // Each rung's lines go to its service's log, marked with the rung.
      onLine: (name, line) => {
        const [rung, service] = name.includes('/') ? name.split('/') : [undefined, name];
        logs.write(service as ServiceName, rung ? `[${rung}] ${line}` : line);
      },
    },
  );
  try {
    const at = (name: LadderChildName) => stack.urls[name];
    const rungs = Object.fromEntries(
      Object.entries(ladder.rungs).map(([id, r]) => [
        id,
        { gateway: at(r.gateway), recommendations: at(r.recommendations) },
      ]),
    ) as LadderStack['rungs'];
    const services = await readStackSettings({
      'gateway-v1': rungs.none.gateway,
      'gateway-v2': rungs.bulkhead.gateway,
      'recommendations-service': rungs.none.recommendations,
    });
    const recording = await runLayers({ rungs, adminToken: plan.adminToken }, plan.settings, {
      signal: context.signal,
      onSecond,
    });
    return { recording, services, targets: { ...stack.urls } };
  } finally {
    await stack.stop();
  }
}

function describe(name: ScenarioName, settings: ScenarioSettings): string {
  const users = describeLoad(settings.load[name]);
  const phased = ({ healthyMs, hangMs, recoveryMs }: ScenarioSettings['timeline']) =>
    `healthy ${healthyMs / 1000} s, hang ${hangMs / 1000} s, healthy ${recoveryMs / 1000} s`;
  switch (name) {
    case 'outage':
      return `recommendations hang; gateway-v1 then gateway-v2, ${users}, ${settings.outage.durationMs / 1000} s each`;
    case 'timeline':
      return `both gateways at once, ${users} each; ${phased(settings.timeline)}`;
    case 'partial':
      return `both gateways at once, ${users} each; recommendations fail ${settings.partial.errorRates.map((r) => `${r * 100} %`).join(', ')} of calls, ${settings.partial.stretchMs / 1000} s each`;
    case 'layers':
      return `${demoRungs(settings).length} rungs at once, ${users} each, each with its own recommendations-service (${settings.layers.capacity} calls at once, ${settings.layers.workMs} ms each); ${phased(settings.layers)}`;
  }
}
