import { describe, expect, it } from 'vitest';
import {
  breakerStory,
  circuitSegments,
  openShare,
  type CircuitRecord,
} from '../../src/model/circuit.js';

const at = (t: number) => new Date(1_800_000_000_000 + t).toISOString();
const record: CircuitRecord = {
  pollMs: 100,
  samples: [],
  transitions: [
    { from: 'CLOSED', to: 'OPEN', at: at(1500), t: 1500 },
    { from: 'OPEN', to: 'HALF_OPEN', at: at(2500), t: 2500 },
    { from: 'HALF_OPEN', to: 'OPEN', at: at(2700), t: 2700 },
    { from: 'OPEN', to: 'HALF_OPEN', at: at(3700), t: 3700 },
    { from: 'HALF_OPEN', to: 'CLOSED', at: at(3710), t: 3710 },
  ],
  probes: [
    { at: at(2700), t: 2700, latencyMs: 200, result: 'timeout', to: 'OPEN' },
    { at: at(3710), t: 3710, latencyMs: 10, result: 'success', to: 'CLOSED' },
  ],
};

describe('circuitSegments', () => {
  it('when the breaker moved, then its states cover the range end to end', () => {
    const segments = circuitSegments(record, 0, 5000);

    expect(segments.map((s) => s.state)).toEqual([
      'CLOSED',
      'OPEN',
      'HALF_OPEN',
      'OPEN',
      'HALF_OPEN',
      'CLOSED',
    ]);
    expect(segments[0]?.startMs).toBe(0);
    expect(segments.at(-1)?.endMs).toBe(5000);
  });

  it('when it never moved, then the polled state fills the range', () => {
    const still = {
      ...record,
      transitions: [],
      probes: [],
      samples: [{ t: 0, state: 'CLOSED' as const }],
    };

    expect(circuitSegments(still, 0, 100)).toEqual([{ state: 'CLOSED', startMs: 0, endMs: 100 }]);
  });
});

describe('breakerStory', () => {
  it('when it opened, probed twice and closed after the heal, then each step is timed from its cause', () => {
    const story = breakerStory(record, 1000, 3000);

    expect(story).toEqual({
      openedAfterMs: 500,
      probes: 2,
      failedProbes: 1,
      probeEveryMs: 1000,
      closedAfterHealMs: 710,
    });
  });
});

describe('openShare', () => {
  it('when the breaker was open twice in the stretch, then the share is their time over the stretch', () => {
    // OPEN 1500-2500 and 2700-3700: 2000 ms of the 4000 from 1000 to 5000.
    expect(openShare(record, 1000, 5000)).toBeCloseTo(0.5, 5);
    expect(openShare(record, 0, 1500)).toBe(0);
  });

  it('when the stretch is empty, then the share is 0', () => {
    expect(openShare(record, 2000, 2000)).toBe(0);
  });
});
