import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startProbe } from '../../src/runner/probe.js';

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
      patienceMs: 500,
      t0,
    });
    await expect.poll(() => stub?.hits() ?? 0).toBeGreaterThanOrEqual(5);
    const collateral = await probe.stop();

    expect(collateral.path).toBe('/products/1');
    expect(collateral.probes).toBeGreaterThanOrEqual(5);
    // The last probe may still be in flight at stop(): it is cut off and counted unanswered.
    expect(collateral.inTime).toBeGreaterThanOrEqual(collateral.probes - 1);
    expect(collateral.inTime).toBe(collateral.samples.filter((s) => s.status === 200).length);
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
      patienceMs: 500,
      t0: Date.now(),
    });
    await expect.poll(() => stub?.pending ?? 0).toBe(1);
    const started = Date.now();
    const collateral = await probe.stop();

    expect(Date.now() - started).toBeLessThan(1000);
    expect(collateral).toMatchObject({ probes: 1, inTime: 0, unanswered: 1 });
    expect(collateral.samples[0]).toMatchObject({ ms: null, status: null });
    // It still counts, for as long as it waited: a starved route must not look fast.
    expect(collateral.samples[0]?.waitedMs).toBeGreaterThan(0);
    expect(collateral.latencyMs?.max).toBe(collateral.samples[0]?.waitedMs);
  });

  it('when many probes wait on a hung route, then no listener-leak warning is raised', async () => {
    stub = await startStubUpstream(() => ({ hang: true }));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const probe = startProbe({
        url: `${stub.url}/products/1`,
        intervalMs: 2,
        timeoutMs: 30_000,
        patienceMs: 500,
        t0: Date.now(),
      });
      await expect.poll(() => stub?.pending ?? 0).toBeGreaterThanOrEqual(15);
      const collateral = await probe.stop();
      // Node emits process warnings on the next tick.
      await new Promise(setImmediate);

      expect(collateral.unanswered).toBeGreaterThanOrEqual(15);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
