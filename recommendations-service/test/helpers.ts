import { silentLogger } from '@cbd/common';
import type { Registry } from 'prom-client';
import { createApp } from '../src/app.js';
import type { CapacitySettings } from '../src/capacity.js';
import { loadConfig, type RecommendationsConfig } from '../src/config.js';
import type { FailureSettings } from '../src/failure-controller.js';

export function configWith(
  failure: Partial<FailureSettings>,
  capacity: Partial<CapacitySettings> = {},
): RecommendationsConfig {
  const base = loadConfig({});
  return {
    ...base,
    failure: { ...base.failure, hangMs: 60, latencyMs: 60, ...failure },
    capacity: { ...base.capacity, ...capacity },
  };
}

export function appWith(
  failure: Partial<FailureSettings>,
  random?: () => number,
  { capacity, metrics }: { capacity?: Partial<CapacitySettings>; metrics?: Registry } = {},
) {
  return createApp(configWith(failure, capacity), {
    logger: silentLogger,
    ...(random ? { random } : {}),
    ...(metrics ? { metrics } : {}),
  });
}
