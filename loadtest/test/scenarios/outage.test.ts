import { afterEach, describe, expect, it } from 'vitest';
import { runOutage } from '../../src/scenarios/outage.js';
import type { SecondReport } from '../../src/scenarios/ticker.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { TEST_SETTINGS } from './settings.js';

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('runOutage', () => {
  it('when recommendations hang, then v1 answers nothing useful and v2 answers with the fallback', async () => {
    stack = await startInProcessStack();
    const seconds: SecondReport[] = [];

    const recording = await runOutage(stack.targets, TEST_SETTINGS, {
      onSecond: (s) => seconds.push(s),
    });

    const { v1, v2 } = recording.gateways;
    expect(v1.load.recorder.outcomes.full + v1.load.recorder.outcomes.degraded).toBe(0);
    expect(v1.load.recorder.outcomes.failed).toBeGreaterThan(0);
    expect(v2.load.recorder.outcomes.degraded).toBeGreaterThan(v2.load.recorder.outcomes.failed);
    expect(v2.load.startMs).toBeGreaterThanOrEqual(v1.load.startMs + v1.load.durationMs);
    expect(v2.circuit?.transitions.map((t) => t.to)).toContain('OPEN');
    expect(v1.circuit).toBeNull();
    expect(recording.phases).toEqual([{ mode: 'hang', startMs: 0, endMs: recording.durationMs }]);
    expect(seconds.length).toBeGreaterThanOrEqual(1);
    expect(seconds[0]?.gateways.v1).toBeDefined();
  });

  it('when aborted, then it stops and rejects with an AbortError', async () => {
    stack = await startInProcessStack();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);

    const attempt = runOutage(
      stack.targets,
      { ...TEST_SETTINGS, outage: { connections: 2, durationMs: 30_000 } },
      { signal: controller.signal },
    );

    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' });
  });
});
