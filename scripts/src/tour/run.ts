import { join } from 'node:path';
import {
  controlOf,
  createTour,
  readTourStack,
  TOUR_STEPS,
  TourStepError,
  tourSettings,
  type Targets,
} from '@cbd/loadtest';
import type { CommandContext } from '../cli/command.js';
import { EXIT } from '../cli/exit-codes.js';
import { runningOf } from '../cli/options.js';
import { checkReachable } from '../demo/existing-stack.js';
import { DASHBOARD_HOST, livePorts } from '../demo/live-config.js';
import { openLivePage, type LivePage } from '../demo/live.js';
import { assertPortsFree } from '../stack/ports.js';
import type { StackPlan } from '../stack/service-env.js';
import { openServiceLogs } from '../stack/service-logs.js';
import { Stack } from '../stack/stack.js';
import type { TourOptions } from './options.js';
import { openTerminal, type Terminal } from './terminal.js';

export interface TourPlan {
  options: TourOptions;
  /** Undefined with --no-start: the services are already running. */
  stack: StackPlan | undefined;
  /** With --no-start, where they run. */
  running: Targets | undefined;
  /** Sent with every admin call when the services guard them with one. */
  adminToken: string | undefined;
  /** --live: where the page that follows the tour listens. */
  dashboardPort: number | undefined;
}

/** Lines are wrapped at the terminal's width, within reason. */
const width = () => Math.min(100, Math.max(60, (process.stdout.columns || 96) - 2));

/**
 * `pnpm tour`: the services (or the running ones), then the tour's steps on this terminal. q
 * (or the last Enter) ends it with 0; a step that cannot finish in an --auto run with 1.
 */
export async function runTour(plan: TourPlan, context: CommandContext): Promise<number> {
  const { options, adminToken } = plan;
  const { dashboardPort } = plan;
  if (dashboardPort !== undefined)
    await assertPortsFree(DASHBOARD_HOST, livePorts(dashboardPort, plan.stack?.ports));
  const logs = plan.stack ? openServiceLogs(join(options.outDir, 'logs')) : undefined;
  let stack: Stack | undefined;
  let terminal: Terminal | undefined;
  let targets: Targets | undefined;
  let page: LivePage | undefined;
  try {
    if (plan.stack && logs) {
      stack = await Stack.startLogged(plan.stack, context, logs, 'tour');
    }
    targets = stack?.urls ?? runningOf(plan);
    if (!stack) await checkReachable(targets);
    const tourStack = await readTourStack(targets, adminToken);
    if (context.signal.aborted) return EXIT.ok;
    terminal = openTerminal({
      readKeys: process.stdin.isTTY,
      onInterrupt: () => context.interrupt('SIGINT'),
    });
    const tour = createTour({
      steps: TOUR_STEPS,
      stack: tourStack,
      settings: tourSettings(options.quick),
      io: terminal,
      auto: options.auto,
      startAt: options.step - 1,
      signal: context.signal,
      width: width(),
    });
    if (dashboardPort !== undefined) {
      page = await openLivePage({ targets, load: null, port: dashboardPort, adminToken, tour });
      console.log(`Live page, following the tour: ${page.url}`);
    }
    const started = Date.now();
    try {
      const { how, stepsRun } = await tour.run();
      const took = `${Math.round((Date.now() - started) / 1000)} s`;
      if (!context.signal.aborted)
        console.log(
          how === 'finished'
            ? `\nTour done: ${stepsRun} steps in ${took}.`
            : `\nTour ended after ${stepsRun} ${stepsRun === 1 ? 'step' : 'steps'} (${took}).`,
        );
      return EXIT.ok;
    } catch (err) {
      if (!(err instanceof TourStepError)) throw err;
      console.error(`\npnpm tour: ${err.message}`);
      return EXIT.failed;
    }
  } finally {
    terminal?.close();
    await page?.close();
    // Running services are left as a student expects them: healthy, closed, start-up options.
    if (!stack && targets) await tidy(targets, adminToken);
    await stack?.stop();
    await logs?.close();
  }
}

async function tidy(targets: Targets, adminToken: string | undefined): Promise<void> {
  const control = controlOf(targets, adminToken);
  try {
    await control.setFailure({ mode: 'healthy' });
    await control.restoreBreaker();
    await control.resetBreaker();
  } catch (err) {
    console.error(
      `pnpm tour: could not put the services back as they started: ${(err as Error).message}`,
    );
  }
}
