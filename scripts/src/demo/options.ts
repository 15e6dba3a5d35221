import { SCENARIOS, type ScenarioName } from '@cbd/loadtest';
import { outDir, parseOptions, positiveInt, type CommandPaths } from '../cli/options.js';
import { LaunchErrors } from '../errors.js';

export interface DemoOptions {
  quick: boolean;
  scenarios: ScenarioName[];
  connections?: number;
  /** Per gateway for outage; the whole run (split 1:2:4) for timeline. */
  durationMs?: number;
  outDir: string;
  /** Load a stack that is already running (e.g. docker compose) instead of starting one. */
  noStart: boolean;
  urls: { 'gateway-v1': string; 'gateway-v2': string; 'recommendations-service': string };
  live: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm demo [options]

Runs both gateways under load while recommendations hang, then writes
reports/comparison_report.json and .html and prints a comparison table.

Options:
  --quick                   every duration and the hang about 10x shorter (~30 s in all)
  --scenario <name>         outage, timeline or all (default: all)
  --live                    no report: a page on http://127.0.0.1:8099 (DASHBOARD_PORT) with
                            live charts of both gateways and buttons to break and heal
                            recommendations-service; runs until Ctrl-C
  --connections <n>         connections per gateway (default: 100 outage, 20 timeline, 10 live)
  --duration <seconds>      outage: per gateway (default 40); timeline: in all (default 70)
  --out <dir>               where the reports go (default: reports/)
  --no-start                use services that are already running, at:
  --v1-url <url>              gateway-v1 (default http://127.0.0.1:8080)
  --v2-url <url>              gateway-v2 (default http://127.0.0.1:8090)
  --recommendations-url <url> recommendations-service (default http://127.0.0.1:8082)
  -h, --help                this text`;

function url(name: string, raw: string): string {
  if (!/^https?:\/\/[^/\s]+\/?$/.test(raw)) {
    throw LaunchErrors.badOption(
      `--${name} must be a URL like http://127.0.0.1:8080, got "${raw}"`,
    );
  }
  return raw.replace(/\/$/, '');
}

function scenarioList(raw: string): ScenarioName[] {
  if (raw === 'all') return [...SCENARIOS];
  if ((SCENARIOS as readonly string[]).includes(raw)) return [raw as ScenarioName];
  throw LaunchErrors.badOption(`--scenario must be outage, timeline or all, got "${raw}"`);
}

/** Parses the command line; --out is taken from where the command ran. */
export function parseDemoOptions(argv: string[], paths: CommandPaths): DemoOptions {
  const values = parseOptions(argv, {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'all' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    out: { type: 'string' },
    'no-start': { type: 'boolean', default: false },
    'v1-url': { type: 'string', default: 'http://127.0.0.1:8080' },
    'v2-url': { type: 'string', default: 'http://127.0.0.1:8090' },
    'recommendations-url': { type: 'string', default: 'http://127.0.0.1:8082' },
    live: { type: 'boolean', default: false },
  });
  const duration = positiveInt('duration', values.duration, 3600);
  const connections = positiveInt('connections', values.connections, 10_000);
  return {
    quick: values.quick,
    scenarios: scenarioList(values.scenario),
    ...(connections === undefined ? {} : { connections }),
    ...(duration === undefined ? {} : { durationMs: duration * 1000 }),
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
