import { describe, expect, it } from 'vitest';
import { startSwitches } from '../../src/scenarios/switches.js';

describe('startSwitches', () => {
  it('when a switch is pulled, then the next phase starts when it took effect and the last ends at the schedule’s end', async () => {
    const t0 = Date.now();
    const switches = startSwitches(
      t0,
      { mode: 'partial', errorRate: 0.3 },
      new AbortController().signal,
    );
    await switches.switchTo({ mode: 'partial', errorRate: 0.7 }, 20, () => Promise.resolve());
    const phases = switches.end(3000);
    expect(phases.map((p) => p.errorRate)).toEqual([0.3, 0.7]);
    const [low, high] = phases as [(typeof phases)[0], (typeof phases)[0]];
    expect(low.startMs).toBe(0);
    expect(low.endMs).toBeGreaterThanOrEqual(20);
    expect(high.startMs).toBe(low.endMs);
    expect(high.endMs).toBe(3000);
  });

  it('when ended without a schedule’s end, then the last phase ends now', () => {
    const t0 = Date.now() - 500;
    const switches = startSwitches(t0, { mode: 'healthy' }, new AbortController().signal);
    const [only] = switches.end();
    expect(only!.startMs).toBe(0);
    expect(only!.endMs).toBeGreaterThanOrEqual(500);
    expect(only!.endMs).toBeLessThan(5000);
  });
});
