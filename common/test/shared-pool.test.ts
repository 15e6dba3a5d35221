import { describe, expect, it } from 'vitest';
import { createSharedPool } from '../src/shared-pool.js';

describe('shared pool', () => {
  it('when more calls come than it has places, then the rest wait and start in arrival order', async () => {
    const pool = createSharedPool(1);
    const started: number[] = [];
    let finishFirst: () => void = () => undefined;
    const first = pool.run(() => {
      started.push(1);
      return new Promise<void>((resolve) => (finishFirst = resolve));
    });
    const rest = [2, 3].map((n) =>
      pool.run(() => {
        started.push(n);
        return Promise.resolve();
      }),
    );
    await Promise.resolve();

    const full = pool.state();
    finishFirst();
    await Promise.all([first, ...rest]);

    expect(full).toEqual({ size: 1, active: 1, waiting: 2 });
    expect(started).toEqual([1, 2, 3]);
    expect(pool.state()).toEqual({ size: 1, active: 0, waiting: 0 });
    pool.close();
  });
});
