import { describe, expect, it } from 'vitest';
import { timeToProtect } from '../../src/bench/protection.js';
import type { ArrivalRecord } from '../../src/model/load.js';

/** A user every 10 ms from `fromMs`, each waiting `wait(at)`. */
const users = (fromMs: number, toMs: number, wait: (at: number) => number): ArrivalRecord[] =>
  Array.from({ length: (toMs - fromMs) / 10 }, (_, i) => {
    const at = fromMs + i * 10;
    return { at, outcome: 'degraded', latencyMs: wait(at), status: 200 };
  });

describe('timeToProtect', () => {
  it('when users who came in the first 2 s waited out the timeout, then protection starts with the first fast one', () => {
    const records = users(0, 5000, (at) => (at >= 1000 && at < 3000 ? 2000 : 5));

    expect(timeToProtect(records, 1000, 20, 500, 10)).toBe(2000);
  });

  it('when no window is fast, then there is no protection to report', () => {
    expect(
      timeToProtect(
        users(0, 3000, () => 2000),
        0,
        20,
        500,
        10,
      ),
    ).toBeNull();
  });

  it('when too few users came after the outage to judge, then it reports none', () => {
    expect(
      timeToProtect(
        users(0, 1000, () => 1),
        950,
        20,
        500,
        10,
      ),
    ).toBeNull();
  });
});
