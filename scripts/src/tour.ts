// `pnpm tour`: a guided tour of the breaker, one step at a time, in this terminal.
import { tourProfile } from '@cbd/loadtest';
import { processIo, runCommand, type Command } from './cli/command.js';
import { runningTargets } from './cli/options.js';
import { LaunchErrors } from './errors.js';
import { readAdminToken, readDashboardPort } from './settings.js';
import { planStack } from './stack/service-env.js';
import { REPORTS_DIR } from './stack/services.js';
import { parseTourOptions, USAGE, type TourOptions } from './tour/options.js';
import { runTour, type TourPlan } from './tour/run.js';

const tour: Command<TourOptions, TourPlan> = {
  name: 'pnpm tour',
  usage: USAGE,
  parse: parseTourOptions,
  plan(options, env) {
    if (!options.auto && !process.stdin.isTTY)
      throw LaunchErrors.badOption(
        'the tour reads its keys from a terminal, and stdin is not one: run it in a terminal, or with --auto',
      );
    return {
      options,
      stack: options.noStart ? undefined : planStack(env, '127.0.0.1', tourProfile(options.quick)),
      running: options.noStart ? runningTargets(options.urls, env) : undefined,
      adminToken: readAdminToken(env),
      dashboardPort: options.live ? readDashboardPort(env) : undefined,
    };
  },
  onInterrupt: ({ auto, noStart }) => ({
    stopping: noStart ? 'the tour' : 'the tour and the services',
    stopped: noStart
      ? 'Tour stopped; the services keep running.'
      : 'Tour stopped; every service it started is stopped.',
    // Quitting is how an interactive tour ends; an --auto run cut short did not finish.
    ends: !auto,
  }),
  run: runTour,
};

process.exitCode = await runCommand(tour, processIo(REPORTS_DIR));
