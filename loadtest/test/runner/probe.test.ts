import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startProbe, summarizeProbes } from '../../src/runner/probe.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('startProbe', () => {
  it('when the route answers, then each probe records its latency and status', async () => {
    stub = await startStubUpstream(() => ({ body: { id: 1 }, delayMs: 5 }));
    const t0 = Date.now();

    const probe = startProbe({
      url: `${stub.url}/products/1`,
      intervalMs: 20,
      timeoutMs: 1000,
      t0,
    });
    await expect.poll(() => stub?.hits() ?? 0).toBeGreaterThanOrEqual(5);
    const collateral = await probe.stop();

    expect(collateral.path).toBe('/products/1');
    expect(collateral.probes).toBeGreaterThanOrEqual(5);
    // The last probe may still be in flight at stop(): it is cut off and counted unanswered.
    expect(collateral.ok).toBeGreaterThanOrEqual(collateral.probes - 1);
    expect(collateral.ok).toBe(collateral.samples.filter((s) => s.status === 200).length);
    expect(collateral.latencyMs?.p50).toBeGreaterThanOrEqual(5);
    expect(collateral.samples.every((s, i, all) => i === 0 || s.t >= (all[i - 1]?.t ?? 0))).toBe(
      true,
    );
  });

  it('when a probe is still waiting at the end, then it is cut off and counted unanswered', async () => {
    stub = await startStubUpstream(() => ({ hang: true }));

    const probe = startProbe({
      url: `${stub.url}/products/1`,
      intervalMs: 1000,
      timeoutMs: 30_000,
      t0: Date.now(),
    });
    await expect.poll(() => stub?.pending ?? 0).toBe(1);
    const started = Date.now();
    const collateral = await probe.stop();

    expect(Date.now() - started).toBeLessThan(1000);
    expect(collateral).toMatchObject({ probes: 1, ok: 0 });
    expect(collateral.samples[0]).toMatchObject({ ms: null, status: null });
    // It still counts, for as long as it waited: a starved route must not look fast.
    expect(collateral.samples[0]?.waitedMs).toBeGreaterThan(0);
    expect(collateral.latencyMs?.max).toBe(collateral.samples[0]?.waitedMs);
  });
});

describe('summarizeProbes', () => {
  it('when some probes went unanswered, then they count at the time they waited and ok counts 200s', () => {
    const summary = summarizeProbes('/products/1', [
      { t: 200, ms: 30, status: 200 },
      { t: 0, ms: 10, status: 200 },
      { t: 100, ms: null, status: null, waitedMs: 3500 },
      { t: 300, ms: 20, status: 502 },
    ]);

    expect(summary).toMatchObject({
      probes: 4,
      ok: 2,
      latencyMs: { p50: 20, p99: 3500, max: 3500 },
    });
    expect(summary.samples.map((s) => s.t)).toEqual([0, 100, 200, 300]);
  });
});
