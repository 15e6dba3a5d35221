import type { GatewaySecond } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

const second = (over: Partial<GatewaySecond>): GatewaySecond => ({
  arrived: 100,
  answeredInTime: 100,
  waiting: 0,
  ...over,
});

describe('progressLine', () => {
  it('when both gateways ran in the second, then the line shows who came, the share answered in time, who waits, the pool and the breaker', () => {
    const line = progressLine({
      scenario: 'timeline',
      t: 11,
      mode: 'hang',
      lanes: {
        v1: second({
          answeredInTime: 0,
          waiting: 1234,
          pool: { t: 0, size: 50, active: 50, waiting: 1180 },
        }),
        v2: second({ circuit: 'OPEN' }),
      },
    });

    expect(line).toContain('timeline');
    expect(line).toContain('12s');
    expect(line).toContain('hang');
    expect(line).toMatch(
      /v1\s+100 came\s+0% in time\s+1\u202f234 waiting\s+pool 50\/50\+1\u202f180/,
    );
    expect(line).toMatch(/v2\s+100 came 100% in time\s+0 waiting\s+breaker OPEN/);
  });

  it('when one gateway is under load and nobody came, then only it appears, with no share', () => {
    const line = progressLine({
      scenario: 'outage',
      t: 0,
      mode: 'hang',
      lanes: { v1: second({ arrived: 0, answeredInTime: 0 }) },
    });

    expect(line).toContain('v1');
    expect(line).not.toContain('v2');
    expect(line).toMatch(/v1\s+0 came\s+— in time/);
  });

  it('when the ladder’s rungs ran in the second, then each rung shows its share in time and its users waiting, on one line', () => {
    const line = progressLine({
      scenario: 'layers',
      t: 14,
      mode: 'hang',
      lanes: {
        none: second({ answeredInTime: 0, waiting: 250 }),
        retries: second({ answeredInTime: 0, waiting: 260 }),
        bulkhead: second({ answeredInTime: 50 }),
      },
    });

    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/none\s+0%\s+250w │ retries\s+0%\s+260w │ bulkhead\s+50%\s+0w/);
  });
});
