import { localUrl } from '@cbd/common';
import { TOUR_STEPS, type Targets } from '@cbd/loadtest';
import {
  outDir,
  parseOptions,
  positiveInt,
  TARGET_OPTIONS,
  TARGET_USAGE,
  givenTargets,
  type CommandPaths,
} from '../cli/options.js';
import { LaunchErrors } from '../errors.js';
import { DASHBOARD_PORT_SETTINGS } from '../settings.js';

export interface TourOptions {
  auto: boolean;
  quick: boolean;
  /** 1-based, as the tour numbers its steps. */
  step: number;
  /** Where the service logs go (in logs/). */
  outDir: string;
  /** Use a stack that is already running instead of starting one. */
  noStart: boolean;
  /** Also a live page that follows the tour (DASHBOARD_PORT), its next button as Enter. */
  live: boolean;
  /** The running services' URLs given with --no-start; the others are found by port. */
  urls: Partial<Targets>;
  help: boolean;
}

const steps = TOUR_STEPS.map((s, i) => `  ${String(i + 1).padStart(2)}  ${s.title}`).join('\n');

export const USAGE = `Usage: pnpm tour [options]

A guided tour of the circuit breaker in the terminal, one step at a time. Each step says what
it does and why, prints the curl commands and runs them against the four services, says what
to notice, asks a question and answers it from what it just measured.

Steps:
${steps}

Keys: Enter next · r repeat the step · b back · q quit (Ctrl-C too)

Options:
  --auto                    every step in a row, no keys needed (rehearsals, CI)
  --quick                   the services with the demo's shorter waits: a 3 s hang, a 200 ms
                            breaker timeout, a 1 s reset timeout; the load steps shorter too
  --step <n>                start at step n (1 to ${TOUR_STEPS.length})
  --live                    also the live page on ${localUrl(DASHBOARD_PORT_SETTINGS.dashboardPort.default)} (${DASHBOARD_PORT_SETTINGS.dashboardPort.env}): the
                            breaker, the pool and the calls as the tour drives them, the step
                            now and a next button (as Enter); no users are sent
  --out <dir>               where the service logs go, in logs/ (default: reports/)
  --no-start                use services that are already running (they keep running), at:
${TARGET_USAGE}
  -h, --help                this text

ADMIN_TOKEN, when the services guard their admin routes with one, is sent with every admin
call; the curl lines print "$ADMIN_TOKEN" in its place.`;

/** Parses the command line; --out is taken from where the command ran. */
export function parseTourOptions(argv: string[], paths: CommandPaths): TourOptions {
  const values = parseOptions(argv, {
    auto: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    step: { type: 'string' },
    out: { type: 'string' },
    'no-start': { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
    ...TARGET_OPTIONS,
  });
  if (values['no-start'] && values.out !== undefined)
    throw LaunchErrors.badOption(
      '--out says where the service logs go, and with --no-start no service is started',
    );
  return {
    auto: values.auto,
    quick: values.quick,
    step: positiveInt('step', values.step, TOUR_STEPS.length) ?? 1,
    outDir: outDir(values.out, paths),
    noStart: values['no-start'],
    live: values.live,
    urls: givenTargets(values, values['no-start']),
    help: values.help,
  };
}
