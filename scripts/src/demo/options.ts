import { localUrl } from '@cbd/common';
import {
  CLOSED_CONNECTIONS,
  DEFAULT_PATIENCE_MS,
  DEFAULT_RATE,
  DEFAULT_SCENARIOS,
  LAYERS_RATE,
  MAX_RATE,
  PARTIAL_RATES_TEXT,
  quickScale,
  SCENARIOS,
  scenarioSettings,
  type LoadChoice,
  type ScenarioName,
  type Targets,
} from '@cbd/loadtest';
import {
  oneOf,
  outDir,
  parseOptions,
  positiveInt,
  positiveNumber,
  TARGET_OPTIONS,
  TARGET_USAGE,
  givenTargets,
  type CommandPaths,
} from '../cli/options.js';
import { LaunchErrors } from '../errors.js';
import { DASHBOARD_PORT_SETTINGS, LADDER_PORT_SETTINGS } from '../settings.js';

export interface DemoOptions {
  quick: boolean;
  scenarios: ScenarioName[];
  /** How the gateways are loaded; what is left out takes the scenario's default. */
  load: LoadChoice;
  outDir: string;
  /** Load a stack that is already running (e.g. docker compose) instead of starting one. */
  noStart: boolean;
  /** The running services' URLs given with --no-start; the others are found by port. */
  urls: Partial<Targets>;
  live: boolean;
  help: boolean;
}

const FULL = scenarioSettings({ quick: false, model: 'open' });
const timelineS =
  (FULL.timeline.healthyMs + FULL.timeline.hangMs + FULL.timeline.recoveryMs) / 1000;

export const USAGE = `Usage: pnpm demo [options]

Runs both gateways under arriving users while recommendations hang, then writes
reports/comparison_report.json and .html and prints a comparison table.

Options:
  --quick                   every duration, the hang and the patience about 10x shorter
  --scenario <name>         ${[...SCENARIOS, 'all'].join(', ')} (default: all = ${DEFAULT_SCENARIOS.join(', ')})
                            partial: recommendations fail ${PARTIAL_RATES_TEXT} of calls, both gateways
                            layers: every rung from gateway-v1 to gateway-v2 side by side, each
                            adding one protection, plus gateway-v1 with retries, also on a short
                            timeout and no pool (ports from ${LADDER_PORT_SETTINGS.ladderPort.env}, default ${LADDER_PORT_SETTINGS.ladderPort.default})
  --live                    no report: a page on ${localUrl(DASHBOARD_PORT_SETTINGS.dashboardPort.default)} (${DASHBOARD_PORT_SETTINGS.dashboardPort.env}) with
                            live charts of both gateways and buttons to break and heal
                            recommendations-service; runs until Ctrl-C
  --rate <n>                users arriving per second at each gateway (default ${DEFAULT_RATE}; layers
                            ${LAYERS_RATE.full} per rung, ${LAYERS_RATE.quick} with --quick; at most ${MAX_RATE})
  --arrivals <kind>         poisson (default: independent users) or uniform (evenly spaced)
  --patience <seconds>      a user who waits longer gives up: the answer is too late (default ${DEFAULT_PATIENCE_MS / 1000};
                            ${DEFAULT_PATIENCE_MS / quickScale(true) / 1000} with --quick; taken as given, also with --quick)
  --load <model>            open (default: users arrive whatever the gateway does) or closed
                            (a fixed number of connections, each waiting for its answer:
                            what a closed loop hides, shown side by side)
  --connections <n>         with --load closed: connections per gateway (default
                            ${Object.entries(CLOSED_CONNECTIONS)
                              .map(([name, n]) => `${n} ${name}`)
                              .join(', ')})
  --duration <seconds>      outage: per gateway (default ${FULL.outage.durationMs / 1000}); timeline: in all (default ${timelineS});
                            partial: per share failed (default ${FULL.partial.stretchMs / 1000})
  --out <dir>               where the reports go (default: reports/)
  --no-start                use services that are already running, at:
${TARGET_USAGE}
  -h, --help                this text`;

function scenarioList(raw: string): ScenarioName[] {
  if (raw === 'all') return [...DEFAULT_SCENARIOS];
  return [oneOf('scenario', raw, [...SCENARIOS, 'all'] as const) as ScenarioName];
}

/** Parses the command line; --out is taken from where the command ran. */
export function parseDemoOptions(argv: string[], paths: CommandPaths): DemoOptions {
  const values = parseOptions(argv, {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string' },
    rate: { type: 'string' },
    arrivals: { type: 'string' },
    patience: { type: 'string' },
    load: { type: 'string', default: 'open' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    out: { type: 'string' },
    'no-start': { type: 'boolean', default: false },
    ...TARGET_OPTIONS,
    live: { type: 'boolean', default: false },
  });
  const model = oneOf('load', values.load, ['open', 'closed'] as const);
  const rate = positiveNumber(
    'rate',
    values.rate,
    MAX_RATE,
    ' (beyond it this machine cannot send users when they are due)',
  );
  const connections = positiveInt('connections', values.connections, 10_000);
  if (model === 'open' && connections !== undefined)
    throw LaunchErrors.badOption(
      '--connections goes with --load closed; users arriving at a rate are set with --rate',
    );
  if (model === 'closed' && rate !== undefined)
    throw LaunchErrors.badOption(
      '--rate goes with the open model; a closed loop is set with --connections',
    );
  if (model === 'closed' && values.arrivals !== undefined)
    throw LaunchErrors.badOption(
      '--arrivals goes with the open model; in a closed loop each connection sends when its last answer is in',
    );
  if (values.live && values.scenario !== undefined)
    throw LaunchErrors.badOption(
      '--live runs no scenario: it shows both gateways live until Ctrl-C; leave out --scenario',
    );
  const duration = positiveInt('duration', values.duration, 3600);
  const patience = positiveNumber('patience', values.patience, 600);
  const load: LoadChoice = {
    quick: values.quick,
    model,
    arrivals: oneOf('arrivals', values.arrivals ?? 'poisson', ['poisson', 'uniform'] as const),
    ...(rate === undefined ? {} : { rate }),
    ...(connections === undefined ? {} : { connections }),
    ...(duration === undefined ? {} : { durationMs: duration * 1000 }),
    ...(patience === undefined ? {} : { patienceMs: patience * 1000 }),
  };
  const scenarios = scenarioList(values.scenario ?? 'all');
  if (values['no-start'] && scenarios.includes('layers'))
    throw LaunchErrors.badOption(
      '--scenario layers starts its own ladder of services, so it cannot run with --no-start',
    );
  return {
    quick: values.quick,
    scenarios,
    load,
    outDir: outDir(values.out, paths),
    noStart: values['no-start'],
    urls: givenTargets(values, values['no-start']),
    live: values.live,
    help: values.help,
  };
}
