import { describe, expect, it } from 'vitest';
import { probeP99Between, type ProbeSample } from '../../src/model/collateral.js';
import { rungFigures, type RungRun } from '../../src/model/ladder.js';
import { summarizeUsers, type ArrivalRecord } from '../../src/model/load.js';
import {
  backlogGoneAfter,
  callsPerSecond,
  meanCallsPerSecond,
  type DependencySample,
} from '../../src/model/observed.js';
import type { PhaseStats } from '../../src/model/phases.js';

const dep = (t: number, calls: number, queued: number): DependencySample => ({
  t,
  callsPerSecond: calls,
  inFlight: 0,
  queued,
  busy: 0,
});

describe('callsPerSecond', () => {
  it('when two reads of a running total are 500 ms apart, then the difference per second', () => {
    expect(callsPerSecond({ at: 1000, total: 10 }, { at: 1500, total: 35 })).toBe(50);
  });

  it('when there is no earlier read, or no time passed, then nothing is said', () => {
    expect(callsPerSecond(undefined, { at: 1000, total: 10 })).toBeNull();
    expect(callsPerSecond({ at: 1000, total: 5 }, { at: 1000, total: 10 })).toBeNull();
  });
});

describe('meanCallsPerSecond', () => {
  it('when reads fall inside and outside the stretch, then only those inside count', () => {
    const samples = [dep(100, 90, 0), dep(600, 10, 0), dep(1100, 30, 0), dep(1600, 99, 0)];

    expect(meanCallsPerSecond(samples, 500, 1500)).toBe(20);
    expect(meanCallsPerSecond(samples, 2000, 3000)).toBe(0);
  });
});

describe('backlogGoneAfter', () => {
  it('when each second’s line came back within the capacity and stayed there, then the start of the first such second after the heal', () => {
    const samples = [
      dep(900, 0, 40),
      dep(1200, 0, 40),
      dep(1700, 0, 30),
      dep(2200, 0, 0),
      dep(2700, 0, 3),
      dep(3200, 0, 0),
      dep(3700, 0, 0),
    ];

    expect(backlogGoneAfter(samples, 1000, 2)).toBe(1000);
  });

  it('when one read caught a burst longer than the capacity, then a second that averages within it is caught up', () => {
    const samples = [dep(1100, 0, 0), dep(1400, 0, 0), dep(1700, 0, 7), dep(1900, 0, 0)];

    expect(backlogGoneAfter(samples, 1000, 2)).toBe(0);
  });

  it('when the last second’s line was longer than the capacity, then the dependency did not recover within the run', () => {
    expect(
      backlogGoneAfter([dep(1500, 0, 0), dep(2200, 0, 5), dep(2600, 0, 4)], 1000, 2),
    ).toBeNull();
  });

  it('when nothing was read after the heal, then nothing is claimed', () => {
    expect(backlogGoneAfter([dep(500, 0, 0)], 1000, 2)).toBeNull();
  });
});

describe('probeP99Between', () => {
  it('when probes went unanswered in the stretch, then they count at how long they waited', () => {
    const probes: ProbeSample[] = [
      { t: 100, ms: 5, status: 200 },
      { t: 1100, ms: null, status: null, waitedMs: 2000 },
      { t: 1200, ms: 12, status: 200 },
      { t: 3000, ms: 9000, status: 200 },
    ];

    expect(probeP99Between(probes, 1000, 2000)).toBe(2000);
    expect(probeP99Between(probes, 5000, 6000)).toBeNull();
  });
});

function users(n: number, outcome: ArrivalRecord['outcome'], latencyMs: number, from: number) {
  return Array.from({ length: n }, (_, i): ArrivalRecord => ({
    at: from + i,
    outcome,
    latencyMs,
    status: outcome === 'full' ? 200 : null,
  }));
}

describe('rungFigures', () => {
  it('when a rung ran healthy, hang, healthy, then each figure comes from its own stretch', () => {
    const phase = (
      mode: string,
      startMs: number,
      endMs: number,
      records: ArrivalRecord[],
    ): PhaseStats => ({
      mode,
      startMs,
      endMs,
      users: summarizeUsers(records),
      peakWaiting: 0,
    });
    const run: RungRun = {
      phases: [
        phase('healthy', 0, 1000, users(10, 'full', 20, 0)),
        phase('hang', 1000, 3000, [
          ...users(3, 'degraded', 40, 1000),
          ...users(1, 'timedOut', 5000, 1500),
        ]),
        phase('healthy', 3000, 6000, users(10, 'full', 20, 3000)),
      ],
      recovery: {
        healedAtMs: 3000,
        servedInTimeAfterMs: 1000,
        backlogDrainedAfterMs: 0,
        peakWaitingAfter: 4,
      },
      dependency: [
        dep(500, 50, 0),
        dep(2000, 1, 8),
        dep(4000, 60, 2),
        dep(5000, 50, 0),
        dep(5900, 50, 0),
      ],
      collateral: { samples: [{ t: 1500, ms: 300, status: 200 }] },
      endMs: 6000,
    };

    const f = rungFigures(run, 1);

    expect(f.hang.usefulShare).toBe(0.75);
    expect(f.hang.latencyMs?.p99).toBe(5000);
    expect(f.callsPerSecond).toEqual({ healthy: 50, hang: 1, afterHeal: 53.3 });
    expect(f.servedAgainAfterMs).toBe(1000);
    expect(f.dependencyRecoveredAfterMs).toBe(2000);
    expect(f.healthyRouteP99Ms).toBe(300);
  });
});
