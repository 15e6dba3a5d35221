import { scrapeMetrics, sumSamples, timedGet } from '@cbd/common/tools';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { compose } from './helpers/compose.js';
import { containerState, missingEngine, projectContainers } from './helpers/engine.js';
import { freePorts } from './helpers/free-ports.js';
import { missingCommand, requireTools } from './helpers/tools.js';
import { waitFor } from './helpers/wait-for.js';

// The README's Docker story for real: build, up, the curl tour, heal, down. Host ports are
// free ones picked now, and the timeouts are test-sized, so it takes seconds, not minutes.
const project = `cbd-test-${process.pid}-${Date.now().toString(36)}`;
const SERVICES = ['product-service', 'recommendations-service', 'gateway-v1', 'gateway-v2'];
let missing: (string | undefined)[] = [];
let env: Record<string, string> = {};
let url = { recommendations: '', v1: '', v2: '' };
let up = false;

const need = (ctx: TestContext) => requireTools(ctx, missing);
const status = async () => (await timedGet(`${url.v2}/circuit-status`)).body.state;
const degraded = async () => (await timedGet(`${url.v2}/product-details/1`)).body.degradedMode;

async function allHealthy(): Promise<boolean> {
  const ids = await projectContainers(project);
  const states = await Promise.all(ids.map(containerState));
  return ids.length === SERVICES.length && states.every((s) => s.Health?.Status === 'healthy');
}

beforeAll(async () => {
  missing = [missingCommand('docker-compose', ['version']), await missingEngine()];
  if (missing.some(Boolean)) return;
  const [product, recommendations, v1, v2] = await freePorts(4);
  env = {
    PUBLISH_HOST: '127.0.0.1',
    PRODUCT_PORT: String(product),
    RECOMMENDATIONS_PORT: String(recommendations),
    GATEWAY_V1_PORT: String(v1),
    GATEWAY_V2_PORT: String(v2),
    SIMULATE_FAILURE: 'true',
    FAILURE_MODE: '',
    HANG_MS: '5000',
    V1_UPSTREAM_TIMEOUT_MS: '2000',
    BREAKER_TIMEOUT_MS: '500',
    BREAKER_RESET_TIMEOUT_MS: '2000',
    // One request at a time, as a user with curl: each failure must still find the earlier
    // calls in the window, which the 1 s default is too short for.
    BREAKER_ROLLING_WINDOW_MS: '10000',
  };
  url = {
    recommendations: `http://127.0.0.1:${recommendations}`,
    v1: `http://127.0.0.1:${v1}`,
    v2: `http://127.0.0.1:${v2}`,
  };
  up = true;
  await compose(project, ['up', '-d', '--build'], env);
  await waitFor('every service to be healthy', allHealthy);
}, 15 * 60_000);

afterAll(async () => {
  if (up) await compose(project, ['down', '--volumes', '--rmi', 'local', '--timeout', '10'], env);
}, 120_000);

// Healing waits for the reset timeout and stopping for the grace period: more than the default.
describe('docker compose stack', { timeout: 60_000 }, () => {
  it('when recommendations hang, then v1 fails slowly with a JSON error', async (ctx) => {
    need(ctx);

    const { status: code, body, ms } = await timedGet(`${url.v1}/product-details/1`);

    expect(code).toBe(504);
    expect(body.error).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      message: 'recommendations-service did not answer within 2000 ms',
    });
    expect(ms).toBeGreaterThanOrEqual(1900);
  });

  it('when recommendations hang, then v2 answers within its breaker timeout with the product and no recommendations', async (ctx) => {
    need(ctx);

    const { status: code, body, ms } = await timedGet(`${url.v2}/product-details/1`);

    expect(code).toBe(200);
    expect(body).toMatchObject({ product: { id: 1 }, recommendations: [], degradedMode: true });
    expect(ms).toBeLessThan(1500);
  });

  it('when a few requests have failed, then the v2 circuit is OPEN, in /circuit-status and /metrics', async (ctx) => {
    need(ctx);

    for (let i = 0; i < 3; i += 1) await timedGet(`${url.v2}/product-details/1`);
    const metrics = await scrapeMetrics(url.v2);

    expect(await status()).toBe('OPEN');
    const recommendations = { breaker: 'recommendations-service' };
    expect(sumSamples(metrics, 'circuit_breaker_state', recommendations)).toBe(1);
    const fallbacks = { route: '/product-details/:id', outcome: 'degraded' };
    const counted = sumSamples(metrics, 'gateway_http_request_duration_seconds_count', fallbacks);
    expect(counted).toBeGreaterThanOrEqual(3);
  });

  it('when recommendations are healed, then the circuit closes after the reset timeout and live recommendations return', async (ctx) => {
    need(ctx);

    const healed = await timedGet(`${url.recommendations}/admin/failure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'healthy' }),
    });

    expect(healed.status).toBe(200);
    // Only a request after the reset timeout can probe and close the circuit: keep asking.
    await expect.poll(degraded, { timeout: 15_000, interval: 250 }).toBe(false);
    expect(await status()).toBe('CLOSED');
  });

  it('when the stack is stopped, then every service exits 0 on SIGTERM, and down leaves no container', async (ctx) => {
    need(ctx);
    const ids = await projectContainers(project);

    await compose(project, ['stop', '--timeout', '10'], env);
    const exits = await Promise.all(ids.map(async (id) => (await containerState(id)).ExitCode));
    await compose(project, ['down', '--volumes', '--rmi', 'local', '--timeout', '10'], env);
    up = false;

    expect(ids).toHaveLength(SERVICES.length);
    expect(exits).toEqual(SERVICES.map(() => 0));
    expect(await projectContainers(project)).toEqual([]);
  });
});
