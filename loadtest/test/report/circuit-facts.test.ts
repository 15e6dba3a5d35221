import { describe, expect, it } from 'vitest';
import { breakerStory, circuitSegments } from '../../src/report/circuit-facts.js';
import type { CircuitRecord } from '../../src/report/schema.js';
import { loadFixture } from './fixtures.js';

const tr = (
  from: 'CLOSED' | 'OPEN' | 'HALF_OPEN',
  to: 'CLOSED' | 'OPEN' | 'HALF_OPEN',
  t: number,
) => ({
  from,
  to,
  t,
  at: new Date(Date.UTC(2026, 0, 1) + t).toISOString(),
});

describe('circuitSegments', () => {
  it('when v2 logged transitions, then the segments follow them from start to end', () => {
    // Arrange
    const circuit: CircuitRecord = {
      pollMs: 250,
      samples: [],
      transitions: [
        tr('CLOSED', 'OPEN', 2000),
        tr('OPEN', 'HALF_OPEN', 12000),
        tr('HALF_OPEN', 'CLOSED', 12010),
      ],
    };

    // Act
    const segments = circuitSegments(circuit, 0, 20000);

    // Assert
    expect(segments).toEqual([
      { state: 'CLOSED', startMs: 0, endMs: 2000 },
      { state: 'OPEN', startMs: 2000, endMs: 12000 },
      { state: 'HALF_OPEN', startMs: 12000, endMs: 12010 },
      { state: 'CLOSED', startMs: 12010, endMs: 20000 },
    ]);
  });

  it('when v2 logged no transition, then the polled states are used', () => {
    // Arrange
    const circuit: CircuitRecord = {
      pollMs: 250,
      samples: [
        { t: 0, state: 'OPEN' },
        { t: 250, state: 'OPEN' },
        { t: 500, state: 'CLOSED' },
      ],
      transitions: [],
    };

    // Act
    const segments = circuitSegments(circuit, 0, 1000);

    // Assert
    expect(segments).toEqual([
      { state: 'OPEN', startMs: 0, endMs: 500 },
      { state: 'CLOSED', startMs: 500, endMs: 1000 },
    ]);
  });
});

describe('breakerStory', () => {
  it('when the timeline fixture is read, then the breaker opened 2 s into the hang, tried twice, closed 4 s after the heal', () => {
    // Arrange
    const timeline = loadFixture('report').scenarios.timeline!;

    // Act
    const story = breakerStory(timeline.gateways.v2, 10_004, 30_011);

    // Assert
    expect(story.openedAfterMs).toBe(2007);
    expect(story.trials).toBe(2);
    expect(story.trialEveryMs).toBe(10_002);
    expect(story.closedAfterHealMs).toBe(4012);
  });

  it('when v2 has no circuit record, then nothing happened to tell', () => {
    // Arrange
    const v1 = loadFixture('report').scenarios.timeline!.gateways.v1;

    // Act
    const story = breakerStory(v1, 0, 1000);

    // Assert
    expect(story).toEqual({
      openedAfterMs: null,
      trials: 0,
      trialEveryMs: null,
      closedAfterHealMs: null,
    });
  });
});
