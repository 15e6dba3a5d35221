import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { scrapeMetrics, sampleNames, timedGet, type Exposition } from '@cbd/common/tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planStack } from '../src/stack/service-env.js';
import { ROOT_DIR } from '../src/stack/services.js';
import { Stack } from '../src/stack/stack.js';
import { freePorts, stackPortEnv } from './helpers/free-ports.js';
import { metricNamesIn } from './helpers/promql.js';
import { missingCommand, requireTools } from './helpers/tools.js';

const read = (path: string) => readFileSync(`${ROOT_DIR}${path}`, 'utf8');

interface Dashboard {
  panels: { title: string; targets?: { refId: string; expr: string }[] }[];
}
interface RuleFile {
  groups: { rules: { alert: string; expr: string }[] }[];
}

/** Every PromQL expression the Grafana dashboard and the alert rules evaluate, by where it is. */
function configuredQueries(): [string, string][] {
  const dashboard = JSON.parse(read('observability/grafana/dashboards/circuit-breaker.json'));
  const rules = parse(read('observability/prometheus/alerts.yml')) as RuleFile;
  return [
    ...(dashboard as Dashboard).panels.flatMap((panel) =>
      (panel.targets ?? []).map((t): [string, string] => [
        `panel "${panel.title}" query ${t.refId}`,
        t.expr,
      ]),
    ),
    ...rules.groups.flatMap((g) => g.rules.map((r): [string, string] => [r.alert, r.expr])),
  ];
}

let stack: Stack | undefined;
let gateways: string[] = [];
let scrapes: Exposition[] = [];

/** The real services as child processes, with a hanging dependency and test-sized timeouts. */
async function startStack(): Promise<Stack> {
  const env = {
    PATH: process.env.PATH,
    SHUTDOWN_GRACE_MS: '200',
    ...stackPortEnv(await freePorts(4)),
  };
  return Stack.start(
    planStack(env, '127.0.0.1', {
      'recommendations-service': { failureMode: 'hang', hangMs: 5000 },
      'gateway-v1': { upstreamTimeoutMs: 300 },
      // A window wide enough that three failures one after the other open it, however slow the machine.
      'gateway-v2': { timeoutMs: 200, resetTimeoutMs: 60_000, rollingWindowMs: 10_000 },
    }),
  );
}

beforeAll(async () => {
  stack = await startStack();
  gateways = [stack.urls['gateway-v1'], stack.urls['gateway-v2']];
  // Enough for every series to exist: v1 times out, v2's circuit opens (3 failures).
  for (const gateway of gateways) {
    await timedGet(`${gateway}/products/1`);
    for (let i = 0; i < 4; i += 1) await timedGet(`${gateway}/product-details/1`);
  }
  scrapes = await Promise.all(gateways.map(scrapeMetrics));
}, 60_000);

afterAll(() => stack?.stop());

describe('metrics the dashboard and the alerts use', () => {
  it('when the gateways have served traffic with a hang, then the v2 circuit is open', () => {
    const [, v2] = scrapes;

    const state = v2?.get('circuit_breaker_state')?.samples;

    expect(state).toContainEqual({
      name: 'circuit_breaker_state',
      labels: { gateway: 'v2', breaker: 'recommendations-service' },
      value: 1,
    });
  });

  it.each(configuredQueries())(
    'when %s is evaluated, then every metric it reads is served by a gateway',
    (_where, expr) => {
      const served = new Set(scrapes.flatMap((s) => [...sampleNames(s)]));

      const names = metricNamesIn(expr);

      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => !served.has(name))).toEqual([]);
    },
  );

  it("when promtool lints both scrapes, then it finds nothing wrong with the gateways' own metrics", async (ctx) => {
    requireTools(ctx, [missingCommand('promtool')]);
    const texts = await Promise.all(
      gateways.map(async (url) => (await fetch(`${url}/metrics`)).text()),
    );

    const reports = texts.map((input) => {
      const { stdout, stderr } = spawnSync('promtool', ['check', 'metrics'], {
        input,
        encoding: 'utf8',
      });
      return `${stdout}${stderr}`;
    });

    for (const report of reports) {
      expect(report).not.toMatch(/error/i);
      // prom-client's own default metrics (nodejs_*) have lint remarks; ours must have none.
      expect(
        report.split('\n').filter((line) => /^(gateway_|circuit_breaker_)/.test(line)),
      ).toEqual([]);
    }
  });

  it('when names are read from PromQL, then functions, labels, ranges and variables are left out', () => {
    const expr =
      'histogram_quantile(0.99, sum by (gateway, le) (rate(a_bucket{route="/x/:id"}[$__rate_interval])))' +
      ' and on (job) (time() - b_seconds > 2 * c_total offset 5m) unless bool d';

    const names = metricNamesIn(expr);

    expect(names).toEqual(['a_bucket', 'b_seconds', 'c_total', 'd']);
  });
});
