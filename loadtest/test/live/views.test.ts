import { describe, expect, it } from 'vitest';
import { circuitView } from '../../src/live/circuit-view.js';
import { sampleView } from '../../src/live/sample-view.js';
import { statusView } from '../../src/live/status-view.js';
import { circuit, FAILURE, POOL, READ_AT, second, STATUS } from './fake-feed.js';

const NNBSP = '\u202f';

describe('sampleView', () => {
  it('when a second had answers and timeouts, then shares are percent of attempts and the figures are text', () => {
    // Arrange
    const outcomes = { full: 0, degraded: 0, failed: 3, timeout: 1 };
    const sample = {
      t: 7,
      gateways: { v1: second(7, { requests: 3, outcomes, p99: 30_000 }), v2: second(7) },
    };

    // Act
    const view = sampleView(sample);

    // Assert
    expect(view.t).toBe(7);
    expect(view.gateways.v1.shares).toEqual({ full: 0, degraded: 0, failed: 75, timeout: 25 });
    expect(view.gateways.v1.text).toEqual({
      rate: '3.0',
      useful: `0.0${NNBSP}%`,
      p99: `30.0${NNBSP}s`,
    });
    expect(view.gateways.v2.text.useful).toBe(`100.0${NNBSP}%`);
  });

  it('when nothing ended in a second, then it has no shares and no latency', () => {
    // Arrange
    const empty = second(3, {
      requests: 0,
      outcomes: { full: 0, degraded: 0, failed: 0, timeout: 0 },
      p50: null,
      p99: null,
    });

    // Act
    const view = sampleView({ t: 3, gateways: { v1: empty, v2: empty } }).gateways.v1;

    // Assert
    expect(view.shares).toEqual({ full: null, degraded: null, failed: null, timeout: null });
    expect(view.p99).toBeNull();
    expect(view.text).toEqual({ rate: '0.0', useful: '—', p99: '—' });
  });
});

describe('circuitView', () => {
  it('when the circuit is OPEN, then it counts down to the next probe and ignores skipped calls in the failure share', () => {
    // Arrange
    const status = circuit({
      state: 'OPEN',
      nextAttemptAt: '2026-03-12T10:00:04.500Z',
      stats: {
        fires: 102,
        successes: 0,
        failures: 2,
        timeouts: 2,
        rejects: 100,
        fallbacks: 102,
        semaphoreRejections: 0,
      },
      transitions: [
        { from: 'CLOSED', to: 'OPEN', at: '2026-03-12T09:59:50.000Z' },
        { from: 'OPEN', to: 'HALF_OPEN', at: '2026-03-12T09:59:59.000Z' },
        { from: 'HALF_OPEN', to: 'OPEN', at: '2026-03-12T09:59:59.100Z' },
      ],
    });

    // Act
    const view = circuitView(status, READ_AT);

    // Assert
    expect(view).toMatchObject({ state: 'OPEN', label: 'OPEN', probeInMs: 4500 });
    expect(view.errorText).toBe(`100.0${NNBSP}% of 2 calls tried`);
    expect(view.thresholdText).toBe(`opens above 50 % failed, from 3 calls in 1.0${NNBSP}s`);
    expect(view.transitions.map((t) => t.text)).toEqual([
      'HALF-OPEN → OPEN',
      'OPEN → HALF-OPEN',
      'CLOSED → OPEN',
    ]);
    expect(view.counters.find((c) => c.name === 'skipped')).toEqual({
      name: 'skipped',
      window: '100',
      total: '0',
    });
  });

  it('when the circuit is CLOSED, then there is no countdown', () => {
    const view = circuitView(circuit(), READ_AT);

    expect(view).toMatchObject({ state: 'CLOSED', probeInMs: null, errorText: 'no calls tried' });
    expect(view.counters.map((c) => c.name)).toEqual([
      'calls',
      'succeeded',
      'failed',
      'timed out',
      'skipped',
      'fallbacks',
      'bulkhead full',
    ]);
  });

  it('when gateway-v2 did not answer, then the badge says so and shows no numbers', () => {
    const view = circuitView(null, READ_AT);

    expect(view).toMatchObject({ state: null, label: 'NO ANSWER', counters: [], transitions: [] });
  });
});

describe('statusView', () => {
  it('when recommendations are in partial mode, then that button is the active one', () => {
    // Arrange
    const status = { ...STATUS, failure: { ...FAILURE, mode: 'partial' as const } };

    // Act
    const view = statusView(status);

    // Assert
    expect(view.mode.current).toBe('partial');
    expect(view.controls.filter((c) => c.active).map((c) => c.mode)).toEqual(['partial']);
    expect(view.controls.map((c) => c.detail)).toEqual([
      'answers at once',
      `holds calls 30.0${NNBSP}s`,
      '503 at once',
      `adds 1.0${NNBSP}s`,
      '50 % fail (503)',
    ]);
  });

  it('when requests hang and v1’s pool is full, then both say how many', () => {
    // Arrange
    const status = {
      ...STATUS,
      failure: { ...FAILURE, mode: 'hang' as const, hanging: 60 },
      pool: { ...POOL, active: 50, waiting: 1234 },
    };

    // Act
    const view = statusView(status);

    // Assert
    expect(view.mode.text).toBe('60 calls held now');
    expect(view.pool).toMatchObject({
      fill: 1,
      inUse: '50 / 50 in use',
      waiting: `1${NNBSP}234 waiting`,
    });
  });

  it('when no service answered, then nothing is active and each part says it did not answer', () => {
    // Arrange
    const status = { readAt: READ_AT, circuit: null, failure: null, pool: null };

    // Act
    const view = statusView(status);

    // Assert
    expect(view.mode).toEqual({ current: null, text: 'recommendations-service did not answer' });
    expect(view.controls.some((c) => c.active)).toBe(false);
    expect(view.pool.fill).toBeNull();
    expect(view.pool.note).toContain('did not answer');
    expect(view.circuit.label).toBe('NO ANSWER');
  });
});
