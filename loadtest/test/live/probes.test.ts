import { startStubUpstream, type StubUpstream } from '@cbd/common/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthProbe } from '../../src/live/probes.js';

let stub: StubUpstream | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('startHealthProbe', () => {
  it('when many probes wait on a hung route, then they show as waiting and raise no listener-leak warning', async () => {
    stub = await startStubUpstream(() => ({ hang: true }));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const probe = startHealthProbe({
        url: `${stub.url}/products/1`,
        intervalMs: 2,
        timeoutMs: 30_000,
        patienceMs: 500,
        t0: Date.now(),
      });
      await expect.poll(() => stub?.pending ?? 0).toBeGreaterThanOrEqual(15);
      const now = probe.now();
      const started = Date.now();
      await probe.stop();
      // Node emits process warnings on the next tick.
      await new Promise(setImmediate);

      expect(now.waiting).toBeGreaterThanOrEqual(15);
      expect(now.oldestMs).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
