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
    // The failures here are fast errors. Four services and the load share one event loop, so a
    // roomy pool, patience and breaker timeout and half the usual users keep a busy machine's
    // slowness from passing for failures; a one-second window of at least ten calls keeps 30 %
    // from exceeding the 50 % threshold by chance.
    stack = await startInProcessStack(
      {
        V1_POOL_SIZE: '50',
        BREAKER_TIMEOUT_MS: '250',
        BREAKER_ROLLING_WINDOW_MS: '1000',
        BREAKER_VOLUME_THRESHOLD: '10',
      },
      { random: evenly() },
    );
    const control = controlOf(stack.targets);
    const base = testSettings();
    const recording = await runPartial(
      { targets: stack.targets, control },
      testSettings({
        load: {
          ...base.load,
          partial: { ...base.load.partial, rate: 30, patienceMs: 1000 } as typeof base.load.partial,
        },
        partial: { errorRates: [0.3, 0.7], stretchMs: 1500 },
      }),
    );

    expect(recording.phases.map((p) => [p.mode, p.errorRate])).toEqual([
      ['partial', 0.3],
      ['partial', 0.7],
    ]);
    expect(recording.phases.at(-1)!.endMs).toBe(3000);
    expect(recording.durationMs).toBe(3000);
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
    // At most one 50-ms reading of the circuit, where the 70 % phase begins.
    expect(openShare(circuit, low.startMs, low.endMs)).toBeLessThan(0.05);
    expect(openShare(circuit, high.startMs, high.endMs)).toBeGreaterThan(0.1);
    expect((await control.readFailure()).errorRate).toBe(0.7);
  });
});
