import { ConfigError } from '@cbd/common';
import { describe, expect, it } from 'vitest';
import { demoServiceEnv } from '../../src/demo/service-env.js';

describe('demoServiceEnv', () => {
  it('when --quick, then the hang and every timeout are about ten times shorter', () => {
    const { settings, overrides } = demoServiceEnv(true, {});

    expect(settings).toMatchObject({
      hangMs: 3000,
      v1: { upstreamTimeoutMs: 3000 },
      v2: { timeoutMs: 200, resetTimeoutMs: 1000 },
    });
    expect(overrides['gateway-v2']).toMatchObject({ BREAKER_TIMEOUT_MS: '200' });
  });

  it('when the user set a variable, then it wins over the demo default and is reported', () => {
    const { settings, overrides } = demoServiceEnv(false, {
      BREAKER_TIMEOUT_MS: '500',
      HANG_MS: '',
    });

    expect(settings.v2.timeoutMs).toBe(500);
    expect(settings.hangMs).toBe(30_000);
    expect(overrides['gateway-v2']?.BREAKER_TIMEOUT_MS).toBeUndefined();
  });

  it('when the user set a bad value, then it fails before anything starts, naming it', () => {
    expect(() => demoServiceEnv(false, { V1_POOL_SIZE: 'lots' })).toThrow(ConfigError);
    expect(() => demoServiceEnv(false, { V1_POOL_SIZE: 'lots' })).toThrow(/V1_POOL_SIZE="lots"/);
  });
});
