import { silentLogger, type EnvSource } from '@cbd/common';
import type { Registry } from 'prom-client';
import { createApp } from '../src/app.js';
import type { CapacitySettings } from '../src/capacity.js';
import { loadConfig, type RecommendationsConfig } from '../src/config.js';
import type { FailureSettings } from '../src/failure-controller.js';

export function configWith(
  failure: Partial<FailureSettings>,
  env: EnvSource = {},
  capacity: Partial<CapacitySettings> = {},
): RecommendationsConfig {
  const base = loadConfig(env);
  return {
    ...base,
    failure: { ...base.failure, hangMs: 60, latencyMs: 60, ...failure },
    capacity: { ...base.capacity, ...capacity },
  };
}

/** The service in a failure mode; `env` for other settings, e.g. ADMIN_TOKEN. */
export function appWith(
  failure: Partial<FailureSettings>,
  random?: () => number,
  {
    env = {},
    capacity,
    metrics,
  }: { env?: EnvSource; capacity?: Partial<CapacitySettings>; metrics?: Registry } = {},
) {
  return createApp(configWith(failure, env, capacity), {
    logger: silentLogger,
    ...(random ? { random } : {}),
    ...(metrics ? { metrics } : {}),
  });
}
