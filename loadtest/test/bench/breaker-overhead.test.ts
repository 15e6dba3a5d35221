import { createBreaker, fireBreaker } from '@cbd/gateway-v2';
import { describe, expect, it } from 'vitest';
import { measureBreakerOverhead, type BreakerFactory } from '../../src/bench/breaker-overhead.js';

const SETTINGS = {
  timeoutMs: 1000,
  errorThresholdPercentage: 50,
  volumeThreshold: 3,
  resetTimeoutMs: 3_600_000,
  capacity: 100,
  rollingWindowMs: 1000,
};

describe('measureBreakerOverhead', () => {
  it("when gateway-v2's breaker is measured, then the open path really ran the fallback and every figure is a time", async () => {
    const fallbacks: unknown[] = [];
    const actions: number[] = [];
    const factory: BreakerFactory = (action) => {
      const breaker = createBreaker(
        'test',
        (id: number) => {
          actions.push(id);
          return action(id);
        },
        SETTINGS,
      );
      breaker.fallback((id: number) => {
        fallbacks.push(id);
        return [];
      });
      return {
        fire: (id) => breaker.fire(id),
        fireAsGateway: (id) => fireBreaker(breaker, id),
        open: () => breaker.open(),
        shutdown: () => breaker.shutdown(),
      };
    };

    const result = await measureBreakerOverhead(factory, { iterations: 200, repeats: 2 });

    // Three passes (one not kept) of 200 calls: closed calls reach the action, open ones the fallback.
    expect(actions).toHaveLength(600);
    expect(fallbacks).toHaveLength(1200);
    expect(result).toMatchObject({ iterations: 200, repeats: 2 });
    for (const key of ['directNs', 'closedNs', 'openNs', 'openGatewayNs'] as const) {
      expect(result[key]).toBeGreaterThan(0);
    }
    expect(result.openOverheadNs).toBeCloseTo(result.openNs - result.directNs, 1);
  });
});
