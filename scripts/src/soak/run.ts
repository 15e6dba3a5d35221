import type { EnvSource } from '@cbd/common';
import { buildSoak, runSoak, soakSettings, type SoakReport } from '@cbd/loadtest';
import type { Interrupts } from '../cli/interrupt.js';
import type { DemoServiceEnv } from '../demo/service-env.js';
import type { ServiceLogs } from '../demo/service-logs.js';
import { SERVICE_NAMES, type StackPorts } from '../stack/services.js';
import { Stack } from '../stack/stack.js';
import type { SoakOptions } from './options.js';
import { isErrorLine } from './error-lines.js';

export interface SoakJob {
  options: SoakOptions;
  /** The demo's --quick service settings: short enough for the circuit to cycle every stretch. */
  services: DemoServiceEnv;
  ports: StackPorts;
  baseEnv: EnvSource;
  logs: ServiceLogs;
  interrupts: Interrupts;
  say: (line: string) => void;
}

/** Starts the stack, soaks gateway-v2, stops the stack, and checks what happened. */
export async function runSoakJob(job: SoakJob): Promise<SoakReport> {
  const { options, services, interrupts, say } = job;
  const settings = soakSettings(options.quick, services.settings, {
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    ...(options.connections === undefined ? {} : { connections: options.connections }),
  });
  const errorLines: string[] = [];
  say(`[1/3] starting the four services (logs: ${job.logs.dir})`);
  const stack = await Stack.start({
    ports: job.ports,
    host: '127.0.0.1',
    baseEnv: job.baseEnv,
    overrides: services.overrides,
    onLine: (service, line) => {
      job.logs.write(service, line);
      if (isErrorLine(line)) errorLines.push(`${service}: ${line}`);
    },
  });
  let recording;
  let alive: Record<string, boolean>;
  try {
    say(
      `[2/3] warm-up ${settings.warmupMs / 1000} s, then ${settings.durationMs / 1000} s of load on gateway-v2 (${settings.connections} connections) while recommendations flap`,
    );
    recording = await runSoak({
      v2Url: stack.urls['gateway-v2'],
      recommendationsUrl: stack.urls['recommendations-service'],
      pid: stack.pid('gateway-v2'),
      settings,
      signal: interrupts.signal,
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
