import {
  buildSoak,
  controlOf,
  readStackSettings,
  runSoak,
  soakSettings,
  SERVICE_NAMES,
  type SoakReport,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import type { StackPlan } from '../stack/service-env.js';
import type { ServiceLogs } from '../stack/service-logs.js';
import { Stack } from '../stack/stack.js';
import type { SoakOptions } from './options.js';
import { isErrorLine } from './error-lines.js';

export interface SoakJob {
  options: SoakOptions;
  /** The demo's --quick service settings: short enough for the circuit to cycle every stretch. */
  stack: StackPlan;
  logs: ServiceLogs;
  say: (line: string) => void;
}

/**
 * Starts the stack, soaks gateway-v2, stops the stack, and checks what happened. A service that
 * exits meanwhile fails the run at once.
 */
export async function runSoakJob(job: SoakJob, context: CommandContext): Promise<SoakReport> {
  const { options, say } = job;
  const errorLines: string[] = [];
  say(`[1/3] starting the four services (logs: ${job.logs.dir})`);
  const stack = await Stack.start(job.stack, {
    run: context,
    onLine: (service, line) => {
      job.logs.write(service, line);
      if (isErrorLine(line)) errorLines.push(`${service}: ${line}`);
    },
  });
  let settings;
  let recording;
  let alive: Record<string, boolean>;
  try {
    settings = soakSettings(options.quick, await readStackSettings(stack.urls), {
      ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
      ...(options.connections === undefined ? {} : { connections: options.connections }),
    });
    say(
      `[2/3] warm-up ${settings.warmupMs / 1000} s, then ${settings.durationMs / 1000} s of load on gateway-v2 (${settings.connections} connections) while recommendations flap`,
    );
    recording = await runSoak({
      v2Url: stack.urls['gateway-v2'],
      control: controlOf(stack.urls, job.stack.adminToken),
      pid: stack.pid('gateway-v2'),
      settings,
      signal: context.signal,
      onStretch: (s, i, n) =>
        say(
          `      ${`${i + 1}/${n}`.padStart(5)}  ${(s.startMs / 1000).toFixed(0).padStart(3)} s  ${s.mode}`,
        ),
    });
    alive = Object.fromEntries(SERVICE_NAMES.map((name) => [name, stack.running(name)]));
  } finally {
    await stack.stop();
  }
  say('[3/3] checking');
  return buildSoak(options.quick, { settings, ...recording, errorLines, alive }, new Date());
}
