import { CALLER_HEADER, createRegistry } from '@cbd/common';
import { scrapeMetrics, startApp, sumSamples, timedGet, type RunningApp } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { appWith } from './helpers.js';

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('recommendations-service metrics', () => {
  it('when calls come from two gateways, then /metrics counts them per caller', async () => {
    const metrics = createRegistry({ service: 'recommendations-service' });
    running = await startApp(appWith({ mode: 'healthy' }, undefined, { metrics }));
    const from = (caller: string) =>
      timedGet(`${running?.url}/recommendations/1`, { headers: { [CALLER_HEADER]: caller } });

    await from('gateway-v1');
    await from('gateway-v1');
    await from('gateway-v2');
    const scraped = await scrapeMetrics(running.url);

    const calls = 'recommendations_calls_total';
    expect(sumSamples(scraped, calls, { caller: 'gateway-v1' })).toBe(2);
    expect(sumSamples(scraped, calls, { caller: 'gateway-v2' })).toBe(1);
    expect(sumSamples(scraped, 'recommendations_calls_in_flight')).toBe(0);
    expect(scraped.has('process_resident_memory_bytes')).toBe(true);
  });

  it('when calls wait in line, then the capacity gauges show them busy and queued', async () => {
    const metrics = createRegistry({ service: 'recommendations-service' });
    running = await startApp(
      appWith({ mode: 'healthy' }, undefined, { metrics, capacity: { limit: 1, workMs: 300 } }),
    );
    const calls = [1, 2, 3].map(() => timedGet(`${running?.url}/recommendations/1`));
    await expect
      .poll(async () => (await timedGet(`${running?.url}/admin/failure`)).body.capacity.queued)
      .toBe(2);

    const scraped = await scrapeMetrics(running.url);

    expect(sumSamples(scraped, 'recommendations_capacity_limit')).toBe(1);
    expect(sumSamples(scraped, 'recommendations_capacity_work_seconds')).toBe(0.3);
    expect(sumSamples(scraped, 'recommendations_capacity_busy')).toBe(1);
    expect(sumSamples(scraped, 'recommendations_capacity_queued')).toBe(2);
    expect(sumSamples(scraped, 'recommendations_calls_in_flight', { caller: 'unknown' })).toBe(3);
    await Promise.all(calls);
  });

  it('when no registry is given, then there is no /metrics', async () => {
    running = await startApp(appWith({ mode: 'healthy' }));

    expect((await timedGet(`${running.url}/metrics`)).status).toBe(404);
  });
});
