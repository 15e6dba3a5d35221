import { createMetricsRegistry, createRegistry, silentLogger } from '@cbd/common';
import {
  startApp,
  startGatewayHarness,
  timedGet,
  type GatewayHarness,
  type RunningApp,
} from '@cbd/common/tools';
import * as v1 from '@cbd/gateway-v1';
import * as v2 from '@cbd/gateway-v2';
import * as recommendations from '@cbd/recommendations-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, type PrometheusServer } from './helpers/prometheus-server.js';
import { missingCommand, requireTools } from './helpers/tools.js';
import { waitFor } from './helpers/wait-for.js';

// The real Prometheus server with the project's scrape configuration and alert rules (only the
// targets and intervals changed) in front of both gateways and a recommendations-service, so
// what promtool only checks on paper is seen working: the scrape, the series and the alert
// during a held outage. The gateways call a scripted stub, so the outage can be held at will;
// the real recommendations-service is there for its own scrape job.

const missing = missingCommand('prometheus', ['--version']);
const RESET_TIMEOUT_MS = 1000;

interface Target {
  health: string;
  labels: Record<string, string>;
  lastError: string;
}
interface Alert {
  labels: Record<string, string>;
  state: string;
}
interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

let harness: GatewayHarness | undefined;
let v2Url = '';
let prometheus: PrometheusServer | undefined;
let dependency: RunningApp | undefined;

/** gateway-v1 and gateway-v2 in this process, on port 0, in front of stub services. */
async function startGateways(): Promise<GatewayHarness> {
  const started = await startGatewayHarness((urls) => {
    const config = { ...v1.loadConfig({}), ...urls, upstreamTimeoutMs: 200 };
    const metrics = createMetricsRegistry('v1');
    const upstreams = v1.createV1Upstreams(config, metrics);
    return {
      app: v1.createApp(config, { logger: silentLogger, upstreams, metrics }),
      close: () => upstreams.close(),
    };
  });
  const gatewayV2 = await started.also((urls) => {
    const base = v2.loadConfig({});
    const config = {
      ...base,
      ...urls,
      breaker: { ...base.breaker, timeoutMs: 100, resetTimeoutMs: RESET_TIMEOUT_MS },
    };
    const metrics = createMetricsRegistry('v2');
    const upstreams = v2.createV2Upstreams(config, silentLogger, metrics);
    return {
      app: v2.createApp(config, { logger: silentLogger, upstreams, metrics }),
      close: () => upstreams.close(),
    };
  });
  v2Url = gatewayV2.url;
  return started;
}

const hostOf = (url: string) => new URL(url).host;

beforeAll(async () => {
  if (missing) return;
  harness = await startGateways();
  const metrics = createRegistry({ service: 'recommendations-service' });
  dependency = await startApp(
    recommendations.createApp(recommendations.loadConfig({}), { logger: silentLogger, metrics }),
  );
  prometheus = await startPrometheus({
    gateways: [harness.gateway.url, v2Url].map(hostOf),
    recommendations: [hostOf(dependency.url)],
  });
}, 30_000);

afterAll(async () => {
  await prometheus?.stop();
  await harness?.close();
  await dependency?.close();
});

/** Polls `check` until it passes; the failure names what Prometheus printed. */
async function eventually(what: string, check: () => Promise<boolean>) {
  await waitFor(what, check, { timeoutMs: 20_000, intervalMs: 250 }).catch((err: Error) => {
    throw new Error(`${err.message}\nprometheus printed:\n${prometheus?.output() ?? ''}`);
  });
}

describe('the real Prometheus server, with the project configuration', () => {
  it('when it scrapes both gateways and recommendations-service, then every target is up', async (ctx) => {
    requireTools(ctx, [missing]);
    const server = prometheus as PrometheusServer;
    let targets: Target[] = [];

    await eventually('every target up', async () => {
      ({ activeTargets: targets } = await server.api<{ activeTargets: Target[] }>(
        '/api/v1/targets',
      ));
      return targets.length === 3 && targets.every((t) => t.health === 'up');
    });

    expect(targets.map((t) => t.labels.job).sort()).toEqual([
      'gateways',
      'gateways',
      'recommendations',
    ]);
    expect(targets.map((t) => t.lastError)).toEqual(['', '', '']);
  });

  it('when the scrapes are in, then each breaker state is a series with the gateway label', async (ctx) => {
    requireTools(ctx, [missing]);
    const server = prometheus as PrometheusServer;
    let samples: Sample[] = [];

    await eventually('circuit_breaker_state scraped', async () => {
      ({ result: samples } = await server.api<{ result: Sample[] }>(
        '/api/v1/query?query=circuit_breaker_state',
      ));
      return samples.length === 2;
    });

    expect(samples.map((s) => [s.metric.gateway, s.metric.breaker]).sort()).toEqual([
      ['v2', 'product-service'],
      ['v2', 'recommendations-service'],
    ]);
  });

  it('when recommendations hang and the circuit stays out of CLOSED, then CircuitBreakerOpenTooLong fires for that breaker alone', async (ctx) => {
    requireTools(ctx, [missing]);
    const server = prometheus as PrometheusServer;
    const stubs = harness as GatewayHarness;
    stubs.recommendations.script(() => ({ hang: true }));
    for (let i = 0; i < 3; i += 1) await timedGet(`${v2Url}/product-details/1`);
    expect((await timedGet(`${v2Url}/circuit-status`)).body.state).toBe('OPEN');
    let alerts: Alert[] = [];

    await eventually('CircuitBreakerOpenTooLong firing', async () => {
      ({ alerts } = await server.api<{ alerts: Alert[] }>('/api/v1/alerts'));
      return alerts.some((a) => a.state === 'firing');
    });

    const firing = alerts.filter((a) => a.state === 'firing');
    expect(firing.map((a) => a.labels)).toEqual([
      {
        alertname: 'CircuitBreakerOpenTooLong',
        breaker: 'recommendations-service',
        gateway: 'v2',
        instance: hostOf(v2Url),
        job: 'gateways',
        severity: 'warning',
      },
    ]);
    expect((await timedGet(`${v2Url}/circuit-status`)).body.state).not.toBe('CLOSED');
  }, 30_000);
});
