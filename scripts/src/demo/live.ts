import { once } from 'node:events';
import { join } from 'node:path';
import { ConfigError, createLogger, type EnvSource } from '@cbd/common';
import {
  loadDashboardAssets,
  readServiceSettings,
  startDashboard,
  startLiveSession,
  type LiveSession,
  type LiveStatus,
  type RunningDashboard,
  type ScenarioSettings,
  type Targets,
} from '@cbd/loadtest';
import { handleInterrupts } from '../cli/interrupt.js';
import { assertPortsFree } from '../stack/ports.js';
import type { StackPorts } from '../stack/services.js';
import { Stack } from '../stack/stack.js';
import { checkReachable } from './existing-stack.js';
import { EXIT } from './exit-codes.js';
import {
  DASHBOARD_HOST,
  DEFAULT_LIVE_CONNECTIONS,
  liveClientTimeoutMs,
  livePorts,
  loadDashboardPort,
} from './live-config.js';
import { changeLines, liveBanner } from './live-console.js';
import { explainLiveFailure } from './live-errors.js';
import { USAGE, type DemoOptions } from './options.js';
import { ServiceDiedError } from './run.js';
import type { DemoServiceEnv } from './service-env.js';
import { openServiceLogs, type ServiceLogs } from './service-logs.js';

export interface LivePlan {
  options: DemoOptions;
  services: DemoServiceEnv;
  ports: StackPorts;
  settings: ScenarioSettings;
  baseEnv: EnvSource;
}

/**
 * `pnpm demo --live`: the services (or the running ones), steady load on both gateways and the
 * dashboard, until Ctrl-C. Ctrl-C is how it is meant to end, so it then exits 0; a service
 * that dies or anything that fails exits 1.
 */
export async function runLive(plan: LivePlan): Promise<number> {
  let dashboardPort: number;
  try {
    dashboardPort = loadDashboardPort(plan.baseEnv);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`pnpm demo: ${err.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { options } = plan;
  const stop = handleInterrupts(
    'pnpm demo --live',
    'stopping the load, the dashboard and the services',
  );
  const requested = once(stop.signal, 'abort');
  const logs = options.noStart ? undefined : openServiceLogs(join(options.outDir, 'logs'));
  let stack: Stack | undefined;
  let session: LiveSession | undefined;
  let dashboard: RunningDashboard | undefined;
  try {
    await assertPortsFree(
      DASHBOARD_HOST,
      livePorts(dashboardPort, options.noStart ? undefined : plan.ports),
    );
    stack = logs ? await startStack(plan, logs) : undefined;
    const targets: Targets = stack?.urls ?? options.urls;
    if (!stack) await checkReachable(targets);
    const services = stack ? plan.services.settings : await readServiceSettings(targets);
    if (stop.by) return EXIT.ok;
    const connections = options.connections ?? DEFAULT_LIVE_CONNECTIONS;
    session = startLiveSession({
      targets,
      connections,
      clientTimeoutMs: liveClientTimeoutMs(plan.settings, services),
    });
    dashboard = await startDashboard({
      host: DASHBOARD_HOST,
      port: dashboardPort,
      targets,
      feed: session,
      assets: await loadDashboardAssets(),
      logger: createLogger('live-dashboard', 'warn'),
    });
    console.log(liveBanner({ url: dashboard.url, connections, targets, logsDir: logs?.dir }));
    printChanges(session);
    const died = stack?.died.then((d) => Promise.reject(new ServiceDiedError(d)));
    await Promise.race([requested, session.failed, ...(died ? [died] : [])]);
    return EXIT.ok;
  } catch (err) {
    return explainLiveFailure(err);
  } finally {
    await dashboard?.close();
    await session?.stop();
    await stack?.stop();
    await logs?.close();
    stop.dispose();
    if (stop.by) console.error('Stopped: the load, the dashboard and every service we started.');
  }
}

async function startStack(plan: LivePlan, logs: ServiceLogs): Promise<Stack> {
  logs.note('live');
  console.log(`Starting the four services (logs: ${logs.dir})`);
  return Stack.start({
    ports: plan.ports,
    host: '127.0.0.1',
    baseEnv: plan.baseEnv,
    overrides: plan.services.overrides,
    onLine: (service, line) => logs.write(service, line),
  });
}

/** The mode and the breaker's state changes, one line each, in the presenter's terminal. */
function printChanges(session: LiveSession): void {
  let last: LiveStatus | undefined;
  session.subscribe((event) => {
    if (event.type !== 'status') return;
    for (const line of changeLines(last, event.status)) console.log(line);
    last = event.status;
  });
}
