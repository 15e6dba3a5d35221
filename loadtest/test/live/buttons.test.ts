import { breakerOptionsSchema } from '@cbd/gateway-v2/contract';
import { describe, expect, it } from 'vitest';
import {
  BREAKER_PRESETS,
  CONTROL_MODES,
  controlDetail,
  presetChange,
  presetOf,
} from '../../src/live/buttons.js';
import { breakerDefaults } from '../helpers/breaker.js';

const startup = breakerDefaults();

describe('the breaker presets', () => {
  it('when aggressive, then the breaker times out and probes sooner and opens at the first failures', () => {
    const change = presetChange('aggressive', startup)!;

    expect(change.timeoutMs).toBeLessThan(startup.timeoutMs);
    expect(change.resetTimeoutMs).toBeLessThan(startup.resetTimeoutMs);
    expect(change.volumeThreshold).toBeLessThanOrEqual(startup.volumeThreshold);
    expect(change.errorThresholdPercentage).toBeLessThan(startup.errorThresholdPercentage);
  });

  it('when patient, then it probes later and needs more failures to open', () => {
    const change = presetChange('patient', startup)!;

    expect(change.resetTimeoutMs).toBeGreaterThan(startup.resetTimeoutMs);
    expect(change.volumeThreshold).toBeGreaterThan(startup.volumeThreshold);
    expect(change.errorThresholdPercentage).toBeGreaterThan(startup.errorThresholdPercentage);
  });

  it.each([
    ['the defaults', startup],
    ['a test’s tiny timeouts', { ...startup, timeoutMs: 1, resetTimeoutMs: 3, volumeThreshold: 0 }],
    ['the largest allowed', { ...startup, resetTimeoutMs: 3_600_000, volumeThreshold: 1_000_000 }],
  ])('when started with %s, then every preset is a change gateway-v2 accepts', (_name, from) => {
    for (const preset of BREAKER_PRESETS) {
      const change = presetChange(preset, from);
      if (change)
        expect(breakerOptionsSchema.partial().safeParse(change).success, preset).toBe(true);
    }
  });

  it('when a preset is in force, then it is recognised; other options are none of them', () => {
    for (const preset of BREAKER_PRESETS)
      expect(presetOf({ ...startup, ...presetChange(preset, startup) }, startup)).toBe(preset);
    expect(presetOf({ ...startup, capacity: startup.capacity + 1 }, startup)).toBeNull();
  });
});

describe('controlDetail', () => {
  it('when the service’s settings are known, then the buttons say its numbers', () => {
    const state = {
      mode: 'healthy' as const,
      hangMs: 3000,
      latencyMs: 700,
      errorRate: 0.1,
      hanging: 0,
      changedAt: '2026-01-01T00:00:00.000Z',
      capacity: { limit: 0, workMs: 0, busy: 0, queued: 0 },
      callers: {},
    };

    expect(CONTROL_MODES).not.toContain('reset');
    expect(controlDetail('hang', state)).toContain('3.0');
    expect(controlDetail('slow', state)).toContain('700');
    expect(controlDetail('hang', null)).toContain('holds calls');
  });
});
