import { ConfigError } from '@cbd/common';
import { LENIENT_PORTS } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('recommendations-service config', () => {
  it('when nothing is set, then it is healthy on 8082 with a 30 s hang ready', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8082,
      failure: { mode: 'healthy', hangMs: 30_000, latencyMs: 1_000, errorRate: 0.5 },
      capacity: { limit: 0, workMs: 0 },
    });
  });

  it('when CAPACITY and WORK_MS are set, then the workers have them', () => {
    expect(loadConfig({ CAPACITY: '8', WORK_MS: '15' }).capacity).toEqual({ limit: 8, workMs: 15 });
  });

  it('when SIMULATE_FAILURE=true, then it starts hanging', () => {
    expect(loadConfig({ SIMULATE_FAILURE: 'true' }).failure.mode).toBe('hang');
  });

  it('when FAILURE_MODE is set too, then FAILURE_MODE wins', () => {
    expect(loadConfig({ SIMULATE_FAILURE: 'true', FAILURE_MODE: 'error' }).failure.mode).toBe(
      'error',
    );
  });

  it('when the tuning variables are set, then they are used', () => {
    const config = loadConfig({
      HANG_MS: '3000',
      SLOW_MS: '250',
      ERROR_RATE: '0.2',
      FAILURE_MODE: 'partial',
    });

    expect(config.failure).toEqual({
      mode: 'partial',
      hangMs: 3000,
      latencyMs: 250,
      errorRate: 0.2,
    });
  });

  it.each([
    ['FAILURE_MODE', 'broken'],
    ['SIMULATE_FAILURE', 'yes please'],
    ['HANG_MS', '-5'],
    ['ERROR_RATE', '50%'],
    ['CAPACITY', '-1'],
    ['WORK_MS', '1.5'],
  ])('when %s=%s, then start-up fails naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it.each(LENIENT_PORTS)('when PORT=%s, then start-up fails naming it', (value) => {
    expect(() => loadConfig({ PORT: value })).toThrow(`PORT=${JSON.stringify(value)}: must be`);
  });
});
