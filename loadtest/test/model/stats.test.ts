import { describe, expect, it } from 'vitest';
import { perSecond } from '../../src/model/stats.js';

describe('perSecond', () => {
  it('when counted over some time, then it is the count per second, rounded as asked', () => {
    expect(perSecond(150, 1500)).toBe(100);
    expect(perSecond(91, 1004, 1)).toBe(90.6);
    expect(perSecond(2, 3000)).toBe(0.67);
  });

  it('when there was no time, then it is 0, not Infinity or NaN', () => {
    expect(perSecond(5, 0)).toBe(0);
    expect(perSecond(0, 0)).toBe(0);
  });
});
