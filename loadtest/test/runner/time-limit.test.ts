import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedEnd, timeLimit, waitUntil } from '../../src/runner/time-limit.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('timeLimit', () => {
  it('when the time passes, then it aborts with a TimeoutError, and not before', () => {
    const limit = timeLimit(30, new AbortController().signal);

    vi.advanceTimersByTime(29);
    expect(limit.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);

    expect(limit.signal.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('when the other signal aborts first, then it aborts at once with that reason', () => {
    const other = new AbortController();
    const limit = timeLimit(10_000, other.signal);

    other.abort(new Error('ended'));

    expect(limit.signal.reason).toMatchObject({ message: 'ended' });
  });

  it('when the other signal has already aborted, then it starts aborted', () => {
    const limit = timeLimit(10_000, AbortSignal.abort('gone'));

    expect(limit.signal.reason).toBe('gone');
  });

  it('when cleared, then neither the time nor the other signal aborts it', () => {
    const other = new AbortController();
    const limit = timeLimit(20, other.signal);

    limit.clear();
    other.abort();
    vi.advanceTimersByTime(40);

    expect(limit.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('sharedEnd', () => {
  it('when many time limits follow it, then aborting it ends them all and no listener-leak warning is raised', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const end = sharedEnd();
      const limits = Array.from({ length: 20 }, () => timeLimit(1000, end.signal));

      end.abort();
      // Node emits process warnings on the next tick.
      await new Promise<void>((resolve) => process.nextTick(resolve));

      expect(limits.every((l) => l.signal.aborted)).toBe(true);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
      for (const l of limits) l.clear();
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('waitUntil', () => {
  beforeEach(() => {
    vi.useRealTimers();
  });

  it('when it resolves, then Date.now() has reached the moment, every time', async () => {
    for (let i = 0; i < 50; i += 1) {
      const at = Date.now() + 5;
      await waitUntil(at);
      expect(Date.now()).toBeGreaterThanOrEqual(at);
    }
  });

  it('when the signal aborts first, then it rejects with an AbortError at once', async () => {
    const started = Date.now();
    const waiting = waitUntil(started + 10_000, AbortSignal.timeout(20));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('when the moment has passed but the signal has aborted, then it still rejects', async () => {
    await expect(waitUntil(Date.now() - 100, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
