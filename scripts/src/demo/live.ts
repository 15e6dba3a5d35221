import { join } from 'node:path';
import { createLogger } from '@cbd/common';
import {
  describeLoad,
  loadBrowserAssets,
  readStackSettings,
  startDashboard,
  startLiveSession,
  type LiveSession,
  type LiveStatus,
  type RunningDashboard,
  type Targets,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import { EXIT } from '../cli/exit-codes.js';
import { assertPortsFree } from '../stack/ports.js';
import { openServiceLogs } from '../stack/service-logs.js';
import { Stack } from '../stack/stack.js';
import { checkReachable } from './existing-stack.js';
import { DASHBOARD_HOST, liveLoad, livePorts } from './live-config.js';
import { changeLines, liveBanner } from './live-console.js';
import type { DemoPlan } from './run.js';

export type LivePlan = DemoPlan & { dashboardPort: number };

/**
 * `pnpm demo --live`: the services (or the running ones), steady load on both gateways and the
 * dashboard, until Ctrl-C. Ctrl-C is how it is meant to end; a service that dies or anything
 * that fails ends it with an error.
 */
export async function runLive(plan: LivePlan, context: CommandContext): Promise<number> {
  const { options, dashboardPort } = plan;
  await assertPortsFree(DASHBOARD_HOST, livePorts(dashboardPort, plan.stack?.ports));
  const logs = plan.stack ? openServiceLogs(join(options.outDir, 'logs')) : undefined;
  let stack: Stack | undefined;
  let session: LiveSession | undefined;
  let dashboard: RunningDashboard | undefined;
  try {
    if (plan.stack && logs) {
      logs.note('live');
      console.log(`Starting the four services (logs: ${logs.dir})`);
      stack = await Stack.start(plan.stack, {
        run: context,
        onLine: (service, line) => logs.write(service, line),
      });
    }
    const targets: Targets = stack?.urls ?? options.urls;
    if (!stack) await checkReachable(targets);
    const services = await readStackSettings(targets);
    const assets = await loadBrowserAssets();
    if (context.signal.aborted) return EXIT.ok;
    const load = liveLoad(plan.settings, services);
    session = startLiveSession({ targets, load });
    dashboard = await startDashboard({
      host: DASHBOARD_HOST,
      port: dashboardPort,
      targets,
      adminToken: plan.adminToken,
      feed: session,
      assets: assets.live,
      logger: createLogger('live-dashboard', 'warn'),
    });
    console.log(
      liveBanner({ url: dashboard.url, users: describeLoad(load), targets, logsDir: logs?.dir }),
    );
    printChanges(session);
    await Promise.race([context.aborted, session.failed]);
    return EXIT.ok;
  } finally {
    await dashboard?.close();
    await session?.stop();
    await stack?.stop();
    await logs?.close();
  }
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
