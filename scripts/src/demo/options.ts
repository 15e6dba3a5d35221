import {
  CLOSED_CONNECTIONS,
  DEFAULT_PATIENCE_MS,
  DEFAULT_RATE,
  DEFAULT_SCENARIOS,
  LAYERS_RATE,
  MAX_RATE,
  SCENARIOS,
  scenarioSettings,
  type LoadChoice,
  type ScenarioName,
} from '@cbd/loadtest';
import {
  oneOf,
  outDir,
  parseOptions,
  positiveInt,
  positiveNumber,
  type CommandPaths,
} from '../cli/options.js';
import { LaunchErrors } from '../errors.js';

export interface DemoOptions {
  quick: boolean;
  scenarios: ScenarioName[];
  /** How the gateways are loaded; what is left out takes the scenario's default. */
  load: LoadChoice;
  outDir: string;
  /** Load a stack that is already running (e.g. docker compose) instead of starting one. */
  noStart: boolean;
  urls: { 'gateway-v1': string; 'gateway-v2': string; 'recommendations-service': string };
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
                            partial: recommendations fail 10, 30, 50, 70 % of calls, both gateways
                            layers: every rung from gateway-v1 to gateway-v2 side by side, each
                            adding one protection, plus gateway-v1 with retries (ports from
                            LADDER_PORT, default 8100)
  --live                    no report: a page on http://127.0.0.1:8099 (DASHBOARD_PORT) with
                            live charts of both gateways and buttons to break and heal
                            recommendations-service; runs until Ctrl-C
  --rate <n>                users arriving per second at each gateway (default ${DEFAULT_RATE}; layers
                            ${LAYERS_RATE.full} per rung, ${LAYERS_RATE.quick} with --quick; at most ${MAX_RATE})
  --arrivals <kind>         poisson (default: independent users) or uniform (evenly spaced)
  --patience <seconds>      a user who waits longer gives up: the answer is too late (default ${DEFAULT_PATIENCE_MS / 1000})
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
  --v1-url <url>              gateway-v1 (default http://127.0.0.1:8080)
  --v2-url <url>              gateway-v2 (default http://127.0.0.1:8090)
  --recommendations-url <url> recommendations-service (default http://127.0.0.1:8082)
  -h, --help                this text`;

/** A base URL option (--v1-url ...), without its trailing slash. */
export function url(name: string, raw: string): string {
  if (!/^https?:\/\/[^/\s?#]+\/?$/.test(raw)) {
    throw LaunchErrors.badOption(
      `--${name} must be a URL like http://127.0.0.1:8080, got "${raw}"`,
    );
  }
  return raw.replace(/\/$/, '');
}

function scenarioList(raw: string): ScenarioName[] {
  if (raw === 'all') return [...DEFAULT_SCENARIOS];
  return [oneOf('scenario', raw, [...SCENARIOS, 'all'] as const) as ScenarioName];
}

/** Parses the command line; --out is taken from where the command ran. */
export function parseDemoOptions(argv: string[], paths: CommandPaths): DemoOptions {
  const values = parseOptions(argv, {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'all' },
    rate: { type: 'string' },
    arrivals: { type: 'string', default: 'poisson' },
    patience: { type: 'string' },
    load: { type: 'string', default: 'open' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    out: { type: 'string' },
    'no-start': { type: 'boolean', default: false },
    'v1-url': { type: 'string', default: 'http://127.0.0.1:8080' },
    'v2-url': { type: 'string', default: 'http://127.0.0.1:8090' },
    'recommendations-url': { type: 'string', default: 'http://127.0.0.1:8082' },
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
  const duration = positiveInt('duration', values.duration, 3600);
  const patience = positiveNumber('patience', values.patience, 600);
  const load: LoadChoice = {
    quick: values.quick,
    model,
    arrivals: oneOf('arrivals', values.arrivals, ['poisson', 'uniform'] as const),
    ...(rate === undefined ? {} : { rate }),
    ...(connections === undefined ? {} : { connections }),
    ...(duration === undefined ? {} : { durationMs: duration * 1000 }),
    ...(patience === undefined ? {} : { patienceMs: patience * 1000 }),
  };
  const scenarios = scenarioList(values.scenario);
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
    urls: {
      'gateway-v1': url('v1-url', values['v1-url']),
      'gateway-v2': url('v2-url', values['v2-url']),
      'recommendations-service': url('recommendations-url', values['recommendations-url']),
    },
    live: values.live,
    help: values.help,
  };
}
