import { createMetricsRegistry, silentLogger, UNPROTECTED_DEFAULTS } from '@cbd/common';
import {
  startGatewayHarness,
  timedGet,
  type GatewayHarness,
  type UpstreamUrls,
} from '@cbd/common/tools';
import * as v1 from '@cbd/gateway-v1';
import * as v2 from '@cbd/gateway-v2';
import type { Protection } from '@cbd/gateway-v2/contract';
import { afterEach, describe, expect, it } from 'vitest';

// The two gateways side by side in front of the same stubs, with test-sized timeouts: what
// tells them apart, and what makes gateway-v2 with every protection off the same as gateway-v1.

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function gatewayV1(urls: UpstreamUrls) {
  const config = { ...v1.loadConfig({}), ...urls, upstreamTimeoutMs: 300, poolSize: 2 };
  const metrics = createMetricsRegistry('v1');
  const upstreams = v1.createV1Upstreams(config, metrics);
  return {
    app: v1.createApp(config, { logger: silentLogger, upstreams, metrics }),
    close: () => upstreams.close(),
  };
}

const gatewayV2 = (protections: Protection[]) => (urls: UpstreamUrls) => {
  const base = v2.loadConfig({});
  const config = {
    ...base,
    ...urls,
    protections,
    productTimeoutMs: 100,
    unprotectedTimeoutMs: 300,
    sharedPoolSize: 2,
    breaker: { ...base.breaker, timeoutMs: 100, resetTimeoutMs: 300 },
  };
  const metrics = createMetricsRegistry('v2');
  const upstreams = v2.createV2Upstreams(config, silentLogger, metrics);
  return {
    app: v2.createApp(config, { logger: silentLogger, upstreams, metrics }),
    close: () => upstreams.close(),
  };
};

const ALL: Protection[] = ['timeout', 'fallback', 'breaker', 'bulkhead'];

describe('gateway-v1 and gateway-v2 side by side', () => {
  it('when nothing is set, then what gateway-v2 does with its protections off is gateway-v1 as it is', () => {
    const [one, two] = [v1.loadConfig({}), v2.loadConfig({})];

    expect(two.unprotectedTimeoutMs).toBe(one.upstreamTimeoutMs);
    expect(two.sharedPoolSize).toBe(one.poolSize);
    expect(one.upstreamTimeoutMs).toBe(UNPROTECTED_DEFAULTS.timeoutMs);
  });

  it("when v1's shared pool is exhausted by hung calls, then v2's /products/:id stays fast", async () => {
    harness = await startGatewayHarness(gatewayV2(ALL));
    const one = await harness.also(gatewayV1);
    const stubs = harness;
    stubs.recommendations.script(() => ({ hang: true }));
    const hung = [1, 2].map((id) => timedGet(`${one.url}/product-details/${id}`));
    await expect.poll(() => stubs.recommendations.pending).toBe(2);

    const [viaV1, viaV2] = await Promise.all([
      timedGet(`${one.url}/products/3`),
      timedGet(`${stubs.gateway.url}/products/3`),
    ]);

    expect(viaV2.status).toBe(200);
    expect(viaV1.status).toBe(200);
    expect(viaV2.ms).toBeLessThan(200);
    expect(viaV1.ms).toBeGreaterThanOrEqual(250);
    await Promise.all(hung);
  });

  it('when recommendations hang and gateway-v2 has no protection, then both wait the long timeout and fail the same way', async () => {
    harness = await startGatewayHarness(gatewayV2([]));
    const one = await harness.also(gatewayV1);
    harness.recommendations.script(() => ({ hang: true }));

    const [fromV1, fromV2] = await Promise.all([
      timedGet(`${one.url}/product-details/1`),
      timedGet(`${harness.gateway.url}/product-details/1`),
    ]);

    expect(fromV2.status).toBe(504);
    expect(fromV2.body).toEqual(fromV1.body);
    expect(fromV1.status).toBe(504);
    expect(fromV1.ms).toBeGreaterThanOrEqual(290);
    expect(fromV2.ms).toBeGreaterThanOrEqual(290);
  });

  it('when hung calls exhaust the pool and gateway-v2 has no protection, then /products/:id is delayed on both', async () => {
    harness = await startGatewayHarness(gatewayV2([]));
    const one = await harness.also(gatewayV1);
    const stubs = harness;
    stubs.recommendations.script(() => ({ hang: true }));
    const hung = [1, 2].flatMap((id) => [
      timedGet(`${one.url}/product-details/${id}`),
      timedGet(`${stubs.gateway.url}/product-details/${id}`),
    ]);
    await expect.poll(() => stubs.recommendations.pending).toBe(4);

    const [fromV1, fromV2] = await Promise.all([
      timedGet(`${one.url}/products/3`),
      timedGet(`${stubs.gateway.url}/products/3`),
    ]);

    for (const answer of [fromV1, fromV2]) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeGreaterThanOrEqual(200);
    }
    await Promise.all(hung);
  });
});
