import type { SecondSample } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

const sample = (outcomes: Partial<SecondSample['outcomes']>, p99: number | null): SecondSample => {
  const full = { full: 0, degraded: 0, failed: 0, timeout: 0, ...outcomes };
  return { t: 0, requests: full.full + full.degraded + full.failed, outcomes: full, p99, p50: p99 };
};

describe('progressLine', () => {
  it('when both gateways ran in the second, then the line shows each rate, useful share, p99 and the breaker', () => {
    const line = progressLine({
      scenario: 'timeline',
      t: 11,
      mode: 'hang',
      gateways: { v1: sample({ timeout: 3 }, null), v2: sample({ degraded: 812 }, 9.4) },
      circuit: 'OPEN',
    });

    expect(line).toContain('timeline');
    expect(line).toContain('12s');
    expect(line).toContain('hang');
    expect(line).toMatch(/v1\s+0 req\/s\s+0% useful\s+p99\s+—/);
    expect(line).toMatch(/v2\s+812 req\/s 100% useful\s+p99\s+9\u202fms\s+breaker OPEN/);
  });

  it('when one gateway is under load, then only it appears', () => {
    const line = progressLine({
      scenario: 'outage',
      t: 0,
      mode: 'hang',
      gateways: { v1: sample({}, null) },
      circuit: undefined,
    });

    expect(line).toContain('v1');
    expect(line).not.toContain('v2');
    expect(line).toMatch(/v1\s+0 req\/s\s+— useful/);
  });
});
