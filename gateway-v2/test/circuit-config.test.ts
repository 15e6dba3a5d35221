import {
  isPrototypePolluted,
  pollutingBodies,
  scrapeMetrics,
  sumSamples,
  type GatewayHarness,
} from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { getter, startV2 } from './helpers.js';

let v2: GatewayHarness;
const get = getter(() => v2);
afterEach(() => v2.close());

const post = (path: string, body: unknown) =>
  get(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function tripBreaker() {
  v2.recommendations.script(() => ({ hang: true }));
  for (let i = 0; i < 3; i += 1) await get('/product-details/1');
  expect((await get('/circuit-status')).body.state).toBe('OPEN');
}

describe('gateway-v2 POST /circuit/config', () => {
  it('when read, then it gives the options in force and the start-up ones', async () => {
    v2 = await startV2();

    const { status, body } = await get('/circuit/config');

    expect(status).toBe(200);
    expect(body.options).toEqual(body.startup);
    expect(body.options).toMatchObject({ timeoutMs: 100, resetTimeoutMs: 300, capacity: 10 });
    expect(body.changedAt).toBeNull();
  });

  it('when options change, then /circuit-status shows them and when they changed', async () => {
    v2 = await startV2();
    const before = Date.now();

    const changed = await post('/circuit/config', { errorThresholdPercentage: 20, capacity: 5 });
    const { body } = await get('/circuit-status');

    expect(changed.status).toBe(200);
    expect(changed.body.options).toMatchObject({ errorThresholdPercentage: 20, capacity: 5 });
    expect(changed.body.startup).toMatchObject({ errorThresholdPercentage: 50, capacity: 10 });
    expect(body.options).toMatchObject({ errorThresholdPercentage: 20, capacity: 5 });
    expect(Date.parse(body.optionsChangedAt)).toBeGreaterThanOrEqual(before - 5);
  });

  it('when the timeout changes, then calls give up after the new one', async () => {
    v2 = await startV2({ breaker: { volumeThreshold: 100 } });
    v2.recommendations.script(() => ({ hang: true }));

    await post('/circuit/config', { timeoutMs: 30 });
    const { body, ms } = await get('/product-details/1');

    expect(body.degradedReason).toBe('ETIMEDOUT');
    expect(ms).toBeLessThan(90);
    // On a busy machine the call can give up before it reaches the stub; one that did is let go.
    await expect.poll(() => v2.recommendations.pending).toBe(0);
    expect(v2.recommendations.abandoned).toBe(v2.recommendations.hits());
  });

  it('when the capacity changes, then the new bulkhead rejects what the old one let through', async () => {
    v2 = await startV2({ breaker: { volumeThreshold: 100, timeoutMs: 300 } });
    v2.recommendations.script(() => ({ hang: true }));

    await post('/circuit/config', { capacity: 1 });
    const held = get('/product-details/1');
    await expect.poll(() => v2.recommendations.pending).toBe(1);
    const extra = await get('/product-details/2');

    expect(extra.body.degradedReason).toBe('ESEMLOCKED');
    await held;
  });

  it('when the circuit is open and options change, then it stays open and keeps its history and counts', async () => {
    v2 = await startV2({ breaker: { resetTimeoutMs: 60_000 } });
    await tripBreaker();
    const before = (await get('/circuit-status')).body;

    await post('/circuit/config', { resetTimeoutMs: 200 });
    const after = (await get('/circuit-status')).body;
    const metrics = await scrapeMetrics(v2.gateway.url);

    expect(after.state).toBe('OPEN');
    expect(after.transitions).toEqual(before.transitions);
    expect(after.totals.failures).toBe(before.totals.failures);
    expect(
      sumSamples(metrics, 'circuit_breaker_transitions_total', {
        breaker: 'recommendations-service',
        from: 'closed',
        to: 'open',
      }),
    ).toBe(1);
    expect(Date.parse(after.nextAttemptAt)).toBeLessThan(Date.now() + 1000);
    await expect
      .poll(async () => (await get('/circuit-status')).body.state, { timeout: 2000 })
      .toBe('HALF_OPEN');
  });

  it('when reset to the start-up options, then they are back', async () => {
    v2 = await startV2();
    await post('/circuit/config', { volumeThreshold: 9 });

    const { status, body } = await get('/circuit/config/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });

    expect(status).toBe(200);
    expect(body.options).toEqual(body.startup);
    expect((await get('/circuit-status')).body.options.volumeThreshold).toBe(3);
  });

  it.each([
    ['an unknown option', { timeout: 5 }],
    ['a value out of range', { errorThresholdPercentage: 150 }],
    ['a fraction where an integer is due', { timeoutMs: 1.5 }],
    ['a string for a number', { resetTimeoutMs: '1000' }],
    ['no option at all', {}],
    ['an array', [1, 2]],
    ['malformed JSON', '{"timeoutMs":'],
  ])('when the body has %s, then 400 and nothing changes', async (_what, body) => {
    v2 = await startV2();
    const before = (await get('/circuit/config')).body;

    const { status, body: answer } = await post('/circuit/config', body);

    expect(status).toBe(400);
    expect(answer.error.code).toMatch(/^(INVALID_CIRCUIT_CONFIG|INVALID_JSON)$/);
    expect((await get('/circuit/config')).body).toEqual(before);
  });

  it('when the body is too large, then 413 and nothing changes', async () => {
    v2 = await startV2();
    const before = (await get('/circuit/config')).body;

    const { status } = await post('/circuit/config', { timeoutMs: 50, pad: 'x'.repeat(4096) });

    expect(status).toBe(413);
    expect((await get('/circuit/config')).body).toEqual(before);
  });

  it('when a body tries to pollute the prototype (__proto__, constructor.prototype), then each is a 400, nothing changes, nothing is polluted', async () => {
    v2 = await startV2();
    const before = (await get('/circuit/config')).body;

    const bodies = pollutingBodies({ volumeThreshold: 9, capacity: 5 });
    const statuses = [];
    for (const body of bodies) statuses.push((await post('/circuit/config', body)).status);

    expect(statuses).toEqual(bodies.map(() => 400));
    expect((await get('/circuit/config')).body).toEqual(before);
    expect(isPrototypePolluted()).toBe(false);
  });
});
