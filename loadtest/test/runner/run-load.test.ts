import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoad } from '../../src/runner/run-load.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const details = (degradedMode: boolean) => ({
  product: { id: 1 },
  recommendations: [],
  degradedMode,
});

describe('startLoad', () => {
  it('when the gateway answers full, degraded and failed, then each response is classified', async () => {
    let n = 0;
    stub = await startStubUpstream(() => {
      n += 1;
      if (n % 3 === 0) return { status: 503, body: { error: { code: 'X', message: 'x' } } };
      return { body: details(n % 3 === 2) };
    });

    const { done } = startLoad({
      url: `${stub.url}/product-details/1`,
      connections: 2,
      durationMs: 400,
      clientTimeoutMs: 1000,
      t0: Date.now(),
    });
    const { recorder, raw, durationMs } = await done;

    const { full, degraded, failed, timeout } = recorder.outcomes;
    const total = full + degraded + failed;
    expect(total).toBeGreaterThan(30);
    expect(Math.abs(full - degraded)).toBeLessThanOrEqual(2);
    expect(Math.abs(failed - full)).toBeLessThanOrEqual(2);
    expect(timeout).toBe(0);
    expect(recorder.statusCodes['503']).toBe(failed);
    expect(recorder.latencies).toHaveLength(total);
    expect(raw.requests.total).toBeGreaterThanOrEqual(total - 2);
    expect(durationMs).toBeGreaterThanOrEqual(350);
  });

  it('when the gateway never answers, then the client times out and no latency is recorded', async () => {
    stub = await startStubUpstream(() => ({ hang: true }));

    const { done } = startLoad({
      url: `${stub.url}/product-details/1`,
      connections: 2,
      durationMs: 1500,
      clientTimeoutMs: 1000,
      t0: Date.now(),
    });
    const { recorder } = await done;

    expect(recorder.outcomes.timeout).toBeGreaterThanOrEqual(2);
    expect(recorder.timeouts).toBe(recorder.outcomes.timeout);
    expect(recorder.latencies).toHaveLength(0);
  });

  it('when the signal aborts, then the load stops early and says so', async () => {
    stub = await startStubUpstream(() => ({ body: details(false) }));
    const controller = new AbortController();

    const { done } = startLoad({
      url: `${stub.url}/x`,
      connections: 1,
      durationMs: 60_000,
      clientTimeoutMs: 1000,
      t0: Date.now(),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    const recording = await done;

    expect(recording.aborted).toBe(true);
    expect(recording.durationMs).toBeLessThan(5000);
    expect(recording.recorder.outcomes.full).toBeGreaterThan(0);
  });

  it('when the duration is 0, then the load runs until the signal aborts', async () => {
    // Arrange
    stub = await startStubUpstream(() => ({ body: details(false) }));
    const controller = new AbortController();
    const { recorder, done } = startLoad({
      url: `${stub.url}/x`,
      connections: 1,
      durationMs: 0,
      clientTimeoutMs: 1000,
      t0: Date.now(),
      signal: controller.signal,
    });

    // Act: past autocannon's first one-second sample, where an overflowing timer would end it
    while (recorder.sample(1).requests === 0) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const recording = await done;

    // Assert
    expect(recording.aborted).toBe(true);
    expect(recording.durationMs).toBeGreaterThanOrEqual(1000);
    expect(recorder.sample(1).outcomes.full).toBeGreaterThan(0);
  });
});
