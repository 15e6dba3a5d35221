import { afterEach, describe, expect, it } from 'vitest';
import { usefulShare } from '../../src/model/outcome.js';
import { countOutcomes } from '../../src/model/load.js';
import { controlOf } from '../../src/runner/control.js';
import { runOutage } from '../../src/scenarios/outage.js';
import type { SecondReport } from '../../src/scenarios/progress.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { testSettings } from './settings.js';

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('runOutage', () => {
  it('when recommendations hang, then v1 then v2 get the same users, and only v2 serves them in time', async () => {
    stack = await startInProcessStack();
    const seconds: SecondReport[] = [];

    const recording = await runOutage(
      { targets: stack.targets, control: controlOf(stack.targets) },
      testSettings(),
      { onSecond: (s) => seconds.push(s) },
    );

    const { v1, v2 } = recording.gateways;
    expect(v1.load.arrivals.length).toBeGreaterThanOrEqual(70);
    expect(v2.load.arrivals.length).toBe(v1.load.arrivals.length);
    expect(v2.load.startMs).toBeGreaterThanOrEqual(v1.load.endMs - 1);
    expect(usefulShare(countOutcomes(v1.load.arrivals))).toBeLessThan(0.1);
    expect(usefulShare(countOutcomes(v2.load.arrivals))).toBeGreaterThan(0.9);
    expect(recording.phases).toEqual([{ mode: 'hang', startMs: 0, endMs: recording.durationMs }]);
    expect(v1.pool?.some((p) => p.active === p.size)).toBe(true);
    expect(v2.circuit?.transitions.some((tr) => tr.to === 'OPEN')).toBe(true);
    expect(seconds.length).toBeGreaterThanOrEqual(2);
    expect(seconds[0]?.lanes.v1?.arrived).toBeGreaterThan(40);
  });

  it('when aborted, then it stops and rejects with an AbortError', async () => {
    stack = await startInProcessStack();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);

    const run = runOutage(
      { targets: stack.targets, control: controlOf(stack.targets) },
      testSettings({ outage: { durationMs: 60_000 } }),
      { signal: stop.signal },
    );

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
