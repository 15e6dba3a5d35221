import { afterEach, describe, expect, it } from 'vitest';
import { readFailureMode } from '../../src/runner/control.js';
import { runTimeline } from '../../src/scenarios/timeline.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { TEST_SETTINGS } from './settings.js';

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('runTimeline', () => {
  it('when the dependency goes healthy, hang, healthy, then both gateways are loaded throughout and the breaker opens and closes', async () => {
    stack = await startInProcessStack();

    const recording = await runTimeline(stack.targets, TEST_SETTINGS);

    expect(recording.phases.map((p) => p.mode)).toEqual(['healthy', 'hang', 'healthy']);
    const [healthy, hang, recovery] = recording.phases;
    expect(hang?.startMs).toBeGreaterThanOrEqual(480);
    expect(recovery?.startMs).toBeGreaterThanOrEqual(1180);
    expect(healthy?.endMs).toBe(hang?.startMs);
    const { v1, v2 } = recording.gateways;
    expect(v1.load.recorder.outcomes.full).toBeGreaterThan(0);
    expect(v2.load.recorder.outcomes.full).toBeGreaterThan(0);
    expect(v2.load.recorder.outcomes.degraded).toBeGreaterThan(0);
    const states = v2.circuit?.transitions.map((t) => t.to) ?? [];
    expect(states).toContain('OPEN');
    expect(states.lastIndexOf('CLOSED')).toBeGreaterThan(states.indexOf('OPEN'));
    expect((await readFailureMode(stack.targets['recommendations-service'])).mode).toBe('healthy');
  });
});
