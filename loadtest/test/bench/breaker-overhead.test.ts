import { describe, expect, it } from 'vitest';
import { measureBreakerOverhead } from '../../src/bench/breaker-overhead.js';
import { breakerDefaults } from '../helpers/breaker.js';

const OPTIONS = {
  ...breakerDefaults(),
  timeoutMs: 1000,
  errorThresholdPercentage: 50,
  volumeThreshold: 3,
  resetTimeoutMs: 10_000,
  capacity: 100,
  rollingWindowMs: 1000,
};

describe('measureBreakerOverhead', () => {
  it("when gateway-v2's breaker is measured, then every figure is a time and the overheads are the differences", async () => {
    const result = await measureBreakerOverhead(OPTIONS, { iterations: 500, repeats: 2 });

    expect(result).toMatchObject({ iterations: 500, repeats: 2 });
    for (const key of ['directNs', 'closedNs', 'openNs', 'openGatewayNs'] as const) {
      expect(result[key]).toBeGreaterThan(0);
    }
    expect(result.openOverheadNs).toBeCloseTo(result.openNs - result.directNs, 1);
    expect(result.closedOverheadNs).toBeCloseTo(result.closedNs - result.directNs, 1);
  });
});
