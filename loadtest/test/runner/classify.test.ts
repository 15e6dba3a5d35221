import { describe, expect, it } from 'vitest';
import { classify } from '../../src/runner/classify.js';

const details = (degraded: boolean) =>
  JSON.stringify({
    product: { id: 1 },
    recommendations: [],
    degradedMode: degraded,
    timestamp: 'x',
  });

describe('classify', () => {
  it('when the product comes with live recommendations, then it is full', () => {
    expect(classify(200, details(false))).toBe('full');
  });

  it('when the product comes with the fallback, then it is degraded', () => {
    expect(classify(200, details(true))).toBe('degraded');
  });

  it.each([502, 503, 504, 404, 500])('when the status is %i, then it failed', (status) => {
    expect(classify(status, '{"error":{"code":"X","message":"y"}}')).toBe('failed');
  });

  it('when a 200 carries no product details, then it failed', () => {
    expect(classify(200, '{"status":"ok"}')).toBe('failed');
  });
});
