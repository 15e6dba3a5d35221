import { describe, expect, it } from 'vitest';
import { summarizeProbes } from '../../src/model/collateral.js';

describe('summarizeProbes', () => {
  it('when probes came in time, late, with an error or not at all, then each is counted once and unanswered ones count as long as they waited', () => {
    const summary = summarizeProbes(
      '/products/1',
      [
        { t: 200, ms: 30, status: 200 },
        { t: 0, ms: 10, status: 200 },
        { t: 100, ms: null, status: null, waitedMs: 3500 },
        { t: 300, ms: 20, status: 502 },
        { t: 400, ms: 900, status: 200 },
      ],
      500,
    );

    expect(summary).toMatchObject({
      probes: 5,
      inTime: 2,
      tooLate: 1,
      unanswered: 1,
      latencyMs: { p50: 30, p99: 3500, max: 3500 },
    });
    expect(summary.samples.map((s) => s.t)).toEqual([0, 100, 200, 300, 400]);
  });

  it('when no probe was sent, then there is no latency', () => {
    expect(summarizeProbes('/products/1', [], 500)).toMatchObject({ probes: 0, latencyMs: null });
  });
});
