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
  type LoadSpec,
  type Targets,
  type TourFeed,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import { EXIT } from '../cli/exit-codes.js';
import { runningOf } from '../cli/options.js';
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
  let page: LivePage | undefined;
  try {
    if (plan.stack && logs) {
      stack = await Stack.startLogged(plan.stack, context, logs, 'live');
    }
    const targets: Targets = stack?.urls ?? runningOf(plan);
    if (!stack) await checkReachable(targets);
    const services = await readStackSettings(targets);
    if (context.signal.aborted) return EXIT.ok;
    const load = liveLoad(plan.settings, services);
    page = await openLivePage({ targets, load, port: dashboardPort, adminToken: plan.adminToken });
    console.log(
      liveBanner({ url: page.url, users: describeLoad(load), targets, logsDir: logs?.dir }),
    );
    printChanges(page.session);
    await Promise.race([context.aborted, page.session.failed]);
    return EXIT.ok;
  } finally {
    await page?.close();
    await stack?.stop();
    await logs?.close();
  }
}

export interface LivePage {
  url: string;
  session: LiveSession;
  close(): Promise<void>;
}

export interface LivePageOptions {
  targets: Targets;
  /** null: no users, only the probes and the reads (a tour drives the services). */
  load: LoadSpec | null;
  port: number;
  adminToken: string | undefined;
  tour?: TourFeed;
}

/** The live session and its dashboard on DASHBOARD_HOST:port; close() stops both. */
export async function openLivePage(options: LivePageOptions): Promise<LivePage> {
  const assets = await loadBrowserAssets();
  const session = startLiveSession({ targets: options.targets, load: options.load });
  try {
    const dashboard = await startDashboard({
      host: DASHBOARD_HOST,
      port: options.port,
      targets: options.targets,
      adminToken: options.adminToken,
      feed: session,
      assets: assets.live,
      logger: createLogger('live-dashboard', 'warn'),
      ...(options.tour ? { tour: options.tour } : {}),
    });
    return {
      url: dashboard.url,
      session,
      async close() {
        await dashboard.close();
        await session.stop();
      },
    };
  } catch (err) {
    await session.stop();
    throw err;
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
