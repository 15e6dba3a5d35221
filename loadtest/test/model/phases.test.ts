import { describe, expect, it } from 'vitest';
import type { SecondSample } from '../../src/model/load.js';
import { emptyCounts } from '../../src/model/outcome.js';
import { recoveryAfter, sickWindow } from '../../src/model/phases.js';

function second(t: number, arrivals: number, useful: number, waiting: number): SecondSample {
  return {
    t,
    arrivals,
    outcomes: { ...emptyCounts(), full: useful, tooLate: arrivals - useful },
    p50: null,
    p99: null,
    waiting,
    answered: useful,
    answeredInTime: useful,
  };
}

describe('sickWindow', () => {
  it('when the dependency hung between two healthy phases, then the window ends where the heal began', () => {
    const phases = [
      { mode: 'healthy', startMs: 0, endMs: 1000 },
      { mode: 'hang', startMs: 1000, endMs: 3000 },
      { mode: 'healthy', startMs: 3000, endMs: 7000 },
    ];

    expect(sickWindow(phases)).toEqual({ startMs: 1000, endMs: 3000, healedAtMs: 3000 });
    expect(sickWindow([{ mode: 'healthy', startMs: 0, endMs: 1 }])).toBeNull();
    expect(sickWindow([{ mode: 'hang', startMs: 0, endMs: 1 }])?.healedAtMs).toBeNull();
  });
});

describe('recoveryAfter', () => {
  it('when users are served again only after a backlog drains, then both times count from the heal, three good seconds in a row', () => {
    const samples = [
      second(3, 100, 0, 900),
      second(4, 100, 0, 600),
      second(5, 100, 95, 300),
      second(6, 100, 20, 100),
      second(7, 100, 99, 4),
      second(8, 100, 100, 3),
      second(9, 100, 100, 2),
      second(10, 100, 100, 1),
    ];

    const recovery = recoveryAfter(samples, 3000, 1);

    expect(recovery.servedInTimeAfterMs).toBe(4000);
    expect(recovery.backlogDrainedAfterMs).toBe(4000);
    expect(recovery.peakWaitingAfter).toBe(900);
  });

  it('when users were never served again, then the recovery is not in the run', () => {
    const samples = [second(3, 100, 0, 900), second(4, 100, 0, 950)];

    expect(recoveryAfter(samples, 3000, 1)).toMatchObject({
      servedInTimeAfterMs: null,
      backlogDrainedAfterMs: null,
    });
  });
});
