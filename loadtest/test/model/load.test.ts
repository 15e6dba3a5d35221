import { describe, expect, it } from 'vitest';
import {
  secondSamples,
  summarizeSchedule,
  summarizeUsers,
  type ArrivalRecord,
} from '../../src/model/load.js';

const user = (
  at: number,
  outcome: ArrivalRecord['outcome'],
  latencyMs: number | null,
  status: number | null = 200,
): ArrivalRecord => ({
  at,
  outcome,
  latencyMs,
  status: latencyMs === null ? null : status,
});

describe('secondSamples', () => {
  it('when users arrive and wait, then each second counts its arrivals, their outcomes and who waited at its end', () => {
    const records = [
      user(100, 'full', 50),
      user(500, 'tooLate', 2600),
      user(1200, 'timedOut', 1500, null),
      user(1900, 'dropped', null),
    ];

    const samples = secondSamples(records, 0, 4);

    expect(samples.map((s) => s.arrivals)).toEqual([2, 2, 0, 0]);
    expect(samples[0]?.outcomes).toMatchObject({ full: 1, tooLate: 1 });
    expect(samples[1]?.outcomes).toMatchObject({ timedOut: 1, dropped: 1 });
    expect(samples.map((s) => s.waiting)).toEqual([1, 2, 1, 0]);
    expect(samples.map((s) => s.answered)).toEqual([1, 0, 0, 1]);
    expect(samples.map((s) => s.answeredInTime)).toEqual([1, 0, 0, 0]);
    expect(samples[0]).toMatchObject({ p50: 50, p99: 2600 });
    expect(samples[2]).toMatchObject({ p50: null, p99: null });
  });

  it('when a range starts later, then seconds before it are left out and every second in it is there', () => {
    const samples = secondSamples([user(2500, 'full', 10)], 2, 5);

    expect(samples.map((s) => s.t)).toEqual([2, 3, 4]);
    expect(samples[0]?.arrivals).toBe(1);
  });
});

describe('summarizeUsers', () => {
  it('when users had every outcome, then the useful share counts arrivals, dropped ones included', () => {
    const summary = summarizeUsers([
      user(0, 'full', 10),
      user(1, 'degraded', 20),
      user(2, 'failed', 5, 502),
      user(3, 'dropped', null),
    ]);

    expect(summary.arrivals).toBe(4);
    expect(summary.usefulShare).toBe(0.5);
    expect(summary.statusCodes).toEqual({ '200': 2, '502': 1 });
    expect(summary.latencyMs).toMatchObject({ p50: 10, max: 20 });
  });

  it('when nobody was sent, then there is no latency rather than zeros', () => {
    expect(summarizeUsers([user(0, 'dropped', null)]).latencyMs).toBeNull();
  });
});

describe('summarizeSchedule', () => {
  it('when 1 % of arrivals went out late, then it says the runner fell behind', () => {
    const onTime = Array.from({ length: 98 }, () => 1);

    expect(summarizeSchedule([...onTime, 30, 30]).fellBehind).toBe(true);
    expect(summarizeSchedule([...onTime, 1, 30]).fellBehind).toBe(false);
    expect(summarizeSchedule([...onTime, 1, 30]).lagMs.max).toBe(30);
  });
});
