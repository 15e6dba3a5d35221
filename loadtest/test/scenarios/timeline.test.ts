import { afterEach, describe, expect, it } from 'vitest';
import { arrivedBetween, countOutcomes } from '../../src/model/load.js';
import { usefulShare } from '../../src/model/outcome.js';
import { controlOf } from '../../src/runner/control.js';
import { runTimeline } from '../../src/scenarios/timeline.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { testSettings } from './settings.js';

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('runTimeline', () => {
  it('when the dependency goes healthy, hang, healthy, then both gateways get the same users at once and the phases are recorded', async () => {
    stack = await startInProcessStack();
    const control = controlOf(stack.targets);

    const recording = await runTimeline({ targets: stack.targets, control }, testSettings());

    expect(recording.phases.map((p) => p.mode)).toEqual(['healthy', 'hang', 'healthy']);
    const hang = recording.phases[1]!;
    const during = (gateway: 'v1' | 'v2') =>
      usefulShare(
        countOutcomes(
          arrivedBetween(recording.gateways[gateway].load.arrivals, hang.startMs, hang.endMs),
        ),
      );
    expect(during('v1')).toBeLessThan(0.2);
    expect(during('v2')).toBeGreaterThan(0.9);
    expect(
      Math.abs(recording.gateways.v1.load.startMs - recording.gateways.v2.load.startMs),
    ).toBeLessThan(50);
    expect((await control.readFailure()).mode).toBe('healthy');
  });
});
