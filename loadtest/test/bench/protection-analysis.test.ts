import { describe, expect, it } from 'vitest';
import {
  healthyP99,
  timeToHeal,
  timeToProtect,
  type TimedResponse,
} from '../../src/bench/protection-analysis.js';

/** Steady traffic: one response sent every `everyMs` from `from` to `to`, each taking `latency(sent)`. */
function traffic(
  from: number,
  to: number,
  everyMs: number,
  latency: (sentMs: number) => number,
  outcome: (sentMs: number) => TimedResponse['outcome'] = () => 'full',
): TimedResponse[] {
  const list: TimedResponse[] = [];
  for (let sent = from; sent < to; sent += everyMs) {
    const latencyMs = latency(sent);
    list.push({ sentMs: sent, doneMs: sent + latencyMs, latencyMs, outcome: outcome(sent) });
  }
  return list;
}

const rule = { limitMs: 20, windowMs: 1000, stepMs: 50, minResponses: 10, lastEndMs: 9000 };

describe('healthyP99', () => {
  it('when responses completed before and after the outage, then only the earlier ones count', () => {
    const responses = traffic(0, 5000, 10, (t) => (t < 4000 ? 10 : 2000));

    expect(healthyP99(responses, 4500)).toBe(10);
  });

  it('when nothing completed before the outage, then there is no baseline', () => {
    expect(
      healthyP99(
        traffic(1000, 2000, 10, () => 5),
        500,
      ),
    ).toBeNull();
  });
});

describe('timeToProtect', () => {
  it('when requests sent in the first 2 s of the outage hang for the timeout, then protection comes 2 s in', () => {
    // Outage at 3000; requests sent before 5000 take 2 s (the breaker timeout), later ones 5 ms.
    const responses = traffic(0, 10_000, 10, (t) => (t >= 3000 && t < 5000 ? 2000 : 5));

    expect(timeToProtect(responses, 3000, rule)).toBe(2000);
  });

  it('when the slow requests are judged by send time, then ones that end late do not hide the hang', () => {
    // Every connection is stuck: from 3000 to 5000 nothing is sent at all.
    const before = traffic(0, 3000, 10, () => 5);
    const stuck = traffic(2990, 3000, 1, () => 2000);
    const after = traffic(5000, 10_000, 10, () => 5);

    expect(timeToProtect([...before, ...stuck, ...after], 3000, rule)).toBe(2000);
  });

  it('when a window holds a few slow requests among hundreds, then their share under 1 % does not move the p99', () => {
    const responses = traffic(0, 10_000, 2, (t) => (t % 1000 === 0 ? 2000 : 5));

    expect(timeToProtect(responses, 3000, rule)).toBe(0);
  });

  it('when the p99 never comes back under the limit, then there is no time to protect', () => {
    const responses = traffic(0, 10_000, 10, (t) => (t >= 3000 ? 50 : 5));

    expect(timeToProtect(responses, 3000, rule)).toBeNull();
  });

  it('when the only fast window ends after the last judged moment, then it does not count', () => {
    const responses = traffic(0, 10_000, 10, (t) => (t >= 3000 && t < 8500 ? 2000 : 5));

    expect(timeToProtect(responses, 3000, rule)).toBeNull();
  });
});

describe('timeToHeal', () => {
  it('when live recommendations return 9.8 s after the heal, then healing took 9.8 s', () => {
    const responses = traffic(
      0,
      20_000,
      5,
      () => 5,
      (t) => (t < 12_795 ? 'degraded' : 'full'),
    );

    expect(timeToHeal(responses, 3000)).toBe(9800);
  });

  it('when full answers came only before the heal, then it never healed', () => {
    const responses = traffic(
      0,
      5000,
      10,
      () => 5,
      (t) => (t < 2000 ? 'full' : 'degraded'),
    );

    expect(timeToHeal(responses, 3000)).toBeNull();
  });
});
