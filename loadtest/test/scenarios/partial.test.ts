import { afterEach, describe, expect, it } from 'vitest';
import { openShare } from '../../src/model/circuit.js';
import { arrivedBetween, countOutcomes } from '../../src/model/load.js';
import { usefulShare } from '../../src/model/outcome.js';
import { controlOf } from '../../src/runner/control.js';
import { runPartial } from '../../src/scenarios/partial.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { testSettings } from './settings.js';

let stack: InProcessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** Draws spread evenly over [0, 1) (the golden-ratio sequence): any share fails evenly spaced. */
function evenly() {
  let x = 0;
  return () => (x = (x + 0.6180339887) % 1);
}

describe('runPartial', () => {
  it('when recommendations fail 30 % then 70 % of calls, then each share is a phase, gateway-v1 loses those users, gateway-v2 serves them and opens only at 70 %', async () => {
    stack = await startInProcessStack({}, { random: evenly() });
    const control = controlOf(stack.targets);

    const recording = await runPartial(
      { targets: stack.targets, control },
      testSettings({ partial: { errorRates: [0.3, 0.7], stretchMs: 1500 } }),
    );

    expect(recording.phases.map((p) => [p.mode, p.errorRate])).toEqual([
      ['partial', 0.3],
      ['partial', 0.7],
    ]);
    const [low, high] = recording.phases as [
      (typeof recording.phases)[0],
      (typeof recording.phases)[0],
    ];
    const share = (g: 'v1' | 'v2', p: typeof low) =>
      usefulShare(
        countOutcomes(arrivedBetween(recording.gateways[g].load.arrivals, p.startMs, p.endMs)),
      );
    expect(share('v1', low)).toBeLessThan(0.85);
    expect(share('v1', high)).toBeLessThan(0.45);
    expect(share('v1', low)).toBeGreaterThan(share('v1', high) + 0.15);
    expect(share('v2', low)).toBeGreaterThan(0.9);
    expect(share('v2', high)).toBeGreaterThan(0.9);
    const circuit = recording.gateways.v2.circuit!;
    expect(openShare(circuit, low.startMs, low.endMs)).toBe(0);
    expect(openShare(circuit, high.startMs, high.endMs)).toBeGreaterThan(0.2);
    expect((await control.readFailure()).errorRate).toBe(0.7);
  });
});
