import { describe, expect, it } from 'vitest';
import { OutcomeRecorder } from '../../src/runner/recorder.js';

const T0 = 1_000_000;

describe('OutcomeRecorder', () => {
  it('when responses complete, then they are counted by outcome, status and the second they ended in', () => {
    const recorder = new OutcomeRecorder(T0);

    recorder.response(T0 + 100, 200, 'full', 12);
    recorder.response(T0 + 900, 200, 'degraded', 3);
    recorder.response(T0 + 1500, 504, 'failed', 30_000);
    recorder.timeout(T0 + 1600);
    recorder.error(T0 + 2100);

    expect(recorder.outcomes).toEqual({ full: 1, degraded: 1, failed: 2, timeout: 1 });
    expect(recorder.statusCodes).toEqual({ 200: 2, 504: 1 });
    expect(recorder.timeouts).toBe(1);
    expect(recorder.errors).toBe(1);
    expect(recorder.samples(0, 3)).toEqual([
      {
        t: 0,
        requests: 2,
        outcomes: { full: 1, degraded: 1, failed: 0, timeout: 0 },
        p50: 3,
        p99: 12,
      },
      {
        t: 1,
        requests: 1,
        outcomes: { full: 0, degraded: 0, failed: 1, timeout: 1 },
        p50: 30_000,
        p99: 30_000,
      },
      {
        t: 2,
        requests: 0,
        outcomes: { full: 0, degraded: 0, failed: 1, timeout: 0 },
        p50: null,
        p99: null,
      },
    ]);
  });

  it('when a second had no event, then its sample is zeros with null latency', () => {
    const recorder = new OutcomeRecorder(T0);

    expect(recorder.sample(7)).toEqual({
      t: 7,
      requests: 0,
      outcomes: { full: 0, degraded: 0, failed: 0, timeout: 0 },
      p50: null,
      p99: null,
    });
  });

  it('when latencies are not kept and old seconds are forgotten, then only recent seconds remain', () => {
    // Arrange
    const recorder = new OutcomeRecorder(T0, { keepLatencies: false });
    recorder.response(T0 + 100, 200, 'full', 12);
    recorder.response(T0 + 1100, 200, 'full', 14);
    recorder.response(T0 + 2100, 200, 'degraded', 3);

    // Act
    recorder.forget(2);

    // Assert
    expect(recorder.latencies).toEqual([]);
    expect(recorder.outcomes).toEqual({ full: 2, degraded: 1, failed: 0, timeout: 0 });
    expect(recorder.sample(1).requests).toBe(0);
    expect(recorder.sample(2)).toMatchObject({ requests: 1, p99: 3 });
  });
});
