import { describe, expect, it } from 'vitest';
import { samplePeaks } from '../../src/bench/peak-sampler.js';

describe('samplePeaks', () => {
  it('when values rise, fall and are sometimes unreadable, then stop gives the largest per key', async () => {
    const reads = [
      { a: 5, b: null },
      { a: 9, b: 2 },
      { a: 3, b: null },
    ];
    let i = 0;
    const sampler = samplePeaks(() => Promise.resolve(reads[Math.min(i++, reads.length - 1)]!), 1);
    while (i < reads.length) await new Promise((resolve) => setImmediate(resolve));

    const peaks = await sampler.stop();

    expect(peaks).toEqual({ a: 9, b: 2 });
  });

  it('when a key is never readable, then it is absent from the peaks', async () => {
    const sampler = samplePeaks(() => Promise.resolve({ fds: null, rss: 7 }), 1000);

    const peaks = await sampler.stop();

    expect(peaks).toEqual({ rss: 7 });
  });
});
