import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../src/runner/percentile.js';

describe('percentile', () => {
  const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it.each([
    [50, 50],
    [90, 90],
    [99, 99],
    [100, 100],
    [0, 1],
  ])('when p%i of 1..100 is asked, then it is %i (nearest rank)', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it('when there is nothing, then it is 0', () => {
    expect(percentile([], 99)).toBe(0);
  });
});

describe('summarize', () => {
  it('when latencies are given in any order, then p50/p90/p99/max/mean describe them', () => {
    const latencies = [30_000, 10, 20, 30, 40, 50, 60, 70, 80, 90];

    expect(summarize(latencies)).toEqual({
      p50: 50,
      p90: 90,
      p99: 30_000,
      max: 30_000,
      mean: 3045,
    });
  });

  it('when there are none, then every figure is 0', () => {
    expect(summarize([])).toEqual({ p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });
});
