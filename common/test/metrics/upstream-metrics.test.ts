import { Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isProduct } from '../../src/guards.js';
import { createMetricsRegistry, upstreamMetrics } from '../../src/metrics/index.js';
import type { UpstreamResult } from '../../src/upstream.js';
import {
  parseExposition,
  startStubUpstream,
  sumSamples,
  type StubReply,
  type StubUpstream,
} from '../../src/tools/index.js';
import { createUpstreamClient } from '../../src/upstream.js';

let stub: StubUpstream | undefined;
const agent = new Agent({ keepAlive: true });
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** Makes one call against a stub that answers `reply`; returns what the observer was told. */
async function observedCall(reply: StubReply) {
  stub = await startStubUpstream(() => reply);
  const seen: { upstream: string; result: UpstreamResult; seconds: number }[] = [];
  const client = createUpstreamClient({
    name: 'product-service',
    baseUrl: stub.url,
    agent,
    timeoutMs: 100,
    maxBodyBytes: 64 * 1024,
    observe: (upstream, result, seconds) => seen.push({ upstream, result, seconds }),
  });
  await client.getJson('/products/1', isProduct).catch(() => undefined);
  return seen;
}

describe('upstream metrics', () => {
  it.each<[string, StubReply, UpstreamResult]>([
    ['a product', { body: { id: 1, name: 'n', price: 1, description: 'd', category: 'c' } }, 'ok'],
    ['nothing in time', { hang: true }, 'timeout'],
    ['a 404', { status: 404 }, 'client_error'],
    ['a 503', { status: 503 }, 'server_error'],
    ['a reset connection', { reset: true }, 'unavailable'],
    ['a body that is no product', { body: { id: 'x' } }, 'bad_body'],
  ])(
    'when the upstream answers %s, then the call is observed once as %s',
    async (_, reply, result) => {
      const seen = await observedCall(reply);

      expect(seen).toEqual([{ upstream: 'product-service', result, seconds: expect.any(Number) }]);
      expect(seen[0]!.seconds).toBeGreaterThanOrEqual(0);
      expect(seen[0]!.seconds).toBeLessThan(5);
    },
  );

  it('when calls are observed, then the histogram counts each by upstream and result in its bucket', async () => {
    const registry = createMetricsRegistry('test');
    const observe = upstreamMetrics(registry);

    observe('recommendations-service', 'timeout', 0.1);
    observe('recommendations-service', 'ok', 0.002);
    const exposition = parseExposition(await registry.metrics());

    const name = 'gateway_upstream_request_duration_seconds';
    const labels = { upstream: 'recommendations-service', result: 'timeout' };
    expect(sumSamples(exposition, `${name}_count`, labels)).toBe(1);
    expect(sumSamples(exposition, `${name}_bucket`, { ...labels, le: '0.05' })).toBe(0);
    expect(sumSamples(exposition, `${name}_bucket`, { ...labels, le: '0.1' })).toBe(1);
  });
});
