import { scrapeMetrics, sumSamples, type GatewayHarness } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { getter, startV2 } from './helpers.js';

let v2: GatewayHarness;
const get = getter(() => v2);
afterEach(() => v2.close());

const REQUESTS = 'gateway_http_request_duration_seconds_count';
const DETAILS = '/product-details/:id';
const RECOMMENDATIONS = { breaker: 'recommendations-service' };
const scrape = () => scrapeMetrics(v2.gateway.url);
const state = async () => sumSamples(await scrape(), 'circuit_breaker_state', RECOMMENDATIONS);
const events = (metrics: Awaited<ReturnType<typeof scrape>>, event: string) =>
  sumSamples(metrics, 'circuit_breaker_events_total', { ...RECOMMENDATIONS, event });

/** A rolling window wide enough that three failures one after the other always open it. */
const WIDE_WINDOW = { rollingWindowMs: 10_000 };

/** Three timed-out calls with volumeThreshold 3: the recommendations circuit opens. */
async function tripBreaker() {
  v2.recommendations.script(() => ({ hang: true }));
  for (let i = 0; i < 3; i += 1) await get('/product-details/1');
}

describe('gateway-v2 metrics', () => {
  it('when nothing has happened yet, then both breakers are closed and every transition is at 0', async () => {
    v2 = await startV2();

    const metrics = await scrape();

    for (const breaker of ['product-service', 'recommendations-service']) {
      expect(sumSamples(metrics, 'circuit_breaker_state', { gateway: 'v2', breaker })).toBe(0);
      expect(sumSamples(metrics, 'circuit_breaker_reset_timeout_seconds', { breaker })).toBe(0.3);
    }
    expect(metrics.get('circuit_breaker_transitions_total')?.samples).toHaveLength(10);
    expect(sumSamples(metrics, 'circuit_breaker_transitions_total')).toBe(0);
  });

  it('when both services answer, then the request counts as full', async () => {
    v2 = await startV2();

    await get('/product-details/8');
    const metrics = await scrape();

    expect(sumSamples(metrics, REQUESTS, { route: DETAILS, outcome: 'full' })).toBe(1);
    expect(events(metrics, 'success')).toBe(1);
  });

  it('when recommendations hang, then the request counts as degraded and the call as a timeout', async () => {
    v2 = await startV2();
    v2.recommendations.script(() => ({ hang: true }));

    await get('/product-details/4');
    const metrics = await scrape();

    expect(
      sumSamples(metrics, REQUESTS, { route: DETAILS, status_code: '200', outcome: 'degraded' }),
    ).toBe(1);
    expect(
      sumSamples(metrics, 'gateway_upstream_request_duration_seconds_count', {
        upstream: 'recommendations-service',
        result: 'timeout',
      }),
    ).toBe(1);
    expect([events(metrics, 'timeout'), events(metrics, 'fallback')]).toEqual([1, 1]);
  });

  it('when the breaker opens, then its state gauge goes from 0 to 1 and the opening is counted', async () => {
    v2 = await startV2({ breaker: { ...WIDE_WINDOW, resetTimeoutMs: 60_000 } });
    expect(await state()).toBe(0);

    await tripBreaker();
    await get('/product-details/2');
    const metrics = await scrape();

    expect(sumSamples(metrics, 'circuit_breaker_state', RECOMMENDATIONS)).toBe(1);
    expect(events(metrics, 'open')).toBe(1);
    expect(events(metrics, 'reject')).toBe(1);
    const opened = { ...RECOMMENDATIONS, from: 'closed', to: 'open' };
    expect(sumSamples(metrics, 'circuit_breaker_transitions_total', opened)).toBe(1);
    const since = sumSamples(
      metrics,
      'circuit_breaker_open_since_timestamp_seconds',
      RECOMMENDATIONS,
    );
    expect(Math.abs(since - Date.now() / 1000)).toBeLessThan(10);
  });

  it('when a half-open probe fails, then half_open -> open is counted and the state is 1 again', async () => {
    v2 = await startV2({ breaker: WIDE_WINDOW });
    await tripBreaker();
    await expect.poll(state, { timeout: 2000 }).toBe(2);

    await get('/product-details/1');
    const metrics = await scrape();

    const reopened = { ...RECOMMENDATIONS, from: 'half_open', to: 'open' };
    expect(sumSamples(metrics, 'circuit_breaker_transitions_total', reopened)).toBe(1);
    expect(sumSamples(metrics, 'circuit_breaker_state', RECOMMENDATIONS)).toBe(1);
  });

  it('when the probe succeeds, then the state is 0 and the open-since time is cleared', async () => {
    v2 = await startV2({ breaker: WIDE_WINDOW });
    await tripBreaker();
    await expect.poll(state, { timeout: 2000 }).toBe(2);
    v2.recommendations.script(() => ({ body: { productId: 1, recommendations: [] } }));

    await get('/product-details/1');
    const metrics = await scrape();

    expect(sumSamples(metrics, 'circuit_breaker_state', RECOMMENDATIONS)).toBe(0);
    const closed = { ...RECOMMENDATIONS, from: 'half_open', to: 'closed' };
    expect(sumSamples(metrics, 'circuit_breaker_transitions_total', closed)).toBe(1);
    expect(
      sumSamples(metrics, 'circuit_breaker_open_since_timestamp_seconds', RECOMMENDATIONS),
    ).toBe(0);
  });
});
