import { describe, expect, it } from 'vitest';
import {
  edgeOf,
  linearAxis,
  logMsAxis,
  roundAbove,
  stretches,
  type AxisSpec,
} from '../../src/browser/chart-spec.js';

describe('logMsAxis', () => {
  it('when values span 2 ms to 30 s, then the axis runs from the decade below to the decade above', () => {
    expect(logMsAxis('latency', [2, 150, 30_000, null])).toMatchObject({
      kind: 'log',
      min: 1,
      max: 100_000,
      format: 'ms',
    });
  });

  it('when headroom is asked for, then the top grows by that many decades', () => {
    expect(logMsAxis('latency', [20, 800], 1).max).toBe(10_000);
  });

  it('when there is nothing to show, then the axis still has a sensible range', () => {
    expect(logMsAxis('latency', [])).toMatchObject({ min: 1, max: 10_000 });
  });
});

describe('roundAbove and linearAxis', () => {
  it.each([
    [[50], 1.15, 60],
    [[100], 1.35, 150],
    [[4200], 1, 4500],
    [[0, null], 1.1, 1.5],
  ])(
    'when the largest of %j is scaled by %d, then the axis ends at %d',
    (values, headroom, top) => {
      expect(roundAbove(values, headroom)).toBe(top);
    },
  );

  it('when an axis is made, then it starts at 0 and ends at or above the largest value', () => {
    const axis = linearAxis('users', 'count', [3, 97, 41]);
    expect(axis.min).toBe(0);
    expect(axis.max).toBeGreaterThanOrEqual(97);
  });
});

describe('stretches', () => {
  it('when values repeat, then each run is one stretch, a slot wide per value, gaps left out', () => {
    expect(stretches(['CLOSED', 'CLOSED', 'OPEN', null, 'OPEN', 'OPEN'])).toEqual([
      { value: 'CLOSED', fromS: -0.5, toS: 1.5 },
      { value: 'OPEN', fromS: 1.5, toS: 2.5 },
      { value: 'OPEN', fromS: 3.5, toS: 5.5 },
    ]);
  });
});

describe('edgeOf', () => {
  const live: AxisSpec = { kind: 'category', format: 'ago', every: 15 };
  const run: AxisSpec = { kind: 'linear', format: 'seconds', min: 0, max: 70 };

  it('when a stretch touches one edge of the plot, then that edge is named', () => {
    expect(edgeOf(57.5, 59.5, live, 60)).toBe('end');
    expect(edgeOf(-0.5, 3.5, live, 60)).toBe('start');
    expect(edgeOf(60, 70, run, 0)).toBe('end');
  });

  it('when it touches neither or both, or the axis has no bounds, then it is centred', () => {
    expect(edgeOf(9.5, 29.5, live, 60)).toBe('center');
    expect(edgeOf(-0.5, 59.5, live, 60)).toBe('center');
    expect(edgeOf(10, 30, run, 0)).toBe('center');
    expect(edgeOf(60, 70, { kind: 'linear', format: 'seconds' }, 0)).toBe('center');
  });
});
