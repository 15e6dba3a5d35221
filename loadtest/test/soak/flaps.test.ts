import { describe, expect, it } from 'vitest';
import { flapSchedule, soakSettings } from '../../src/soak/run.js';
import { fixtureServices } from '../bench/fixtures.js';

describe('flapSchedule', () => {
  it('when 12 s flap every 2 s, then one cycle: healthy between each failure mode', () => {
    const schedule = flapSchedule(12_000, 2000);

    expect(schedule.map((s) => s.mode)).toEqual([
      'healthy',
      'hang',
      'healthy',
      'error',
      'healthy',
      'partial',
    ]);
    expect(schedule.map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 2000],
      [2000, 4000],
      [4000, 6000],
      [6000, 8000],
      [8000, 10_000],
      [10_000, 12_000],
    ]);
  });

  it('when the duration is not a whole number of stretches, then the cycle repeats and the last one is cut', () => {
    const schedule = flapSchedule(20_000, 3000);

    expect(schedule).toHaveLength(7);
    expect(schedule[6]).toEqual({ mode: 'healthy', startMs: 18_000, endMs: 20_000 });
  });
});

describe('soakSettings', () => {
  it('when --quick or not, then stretches outlast the breaker timeout plus its reset timeout', () => {
    const services = fixtureServices();
    for (const quick of [true, false]) {
      const s = soakSettings(quick, services);
      expect(s.stretchMs).toBeGreaterThan(services.v2.timeoutMs + services.v2.resetTimeoutMs);
    }
    expect(soakSettings(false, services).durationMs).toBe(60_000);
    expect(soakSettings(true, services, { durationMs: 5000, connections: 3 })).toMatchObject({
      durationMs: 5000,
      connections: 3,
    });
  });

  it('when --quick, then the warm-up is as long as a full soak’s, so the memory check starts from the working heap', () => {
    const services = fixtureServices();
    expect(soakSettings(true, services).warmupMs).toBe(soakSettings(false, services).warmupMs);
  });
});
