import {
  env,
  FAILURE_MODES,
  parseEnv,
  serviceEnv,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@cbd/common';
import type { FailureSettings } from './failure-controller.js';

export interface RecommendationsConfig extends ServiceConfig {
  /** The failure mode and its parameters at start; POST /admin/failure changes them later. */
  failure: FailureSettings;
}

const shape = {
  ...serviceEnv(8082),
  SIMULATE_FAILURE: env.bool(false),
  FAILURE_MODE: env.oneOf(FAILURE_MODES, 'healthy'),
  HANG_MS: env.int(30_000, 0, 600_000),
  SLOW_MS: env.int(1_000, 0, 600_000),
  ERROR_RATE: env.number(0.5, 0, 1),
};

export function loadConfig(source: EnvSource): RecommendationsConfig {
  const e = parseEnv(shape, source);
  // SIMULATE_FAILURE=true is the original demo's switch for "hang"; an explicit FAILURE_MODE wins.
  const modeIsSet = (source.FAILURE_MODE ?? '').trim() !== '';
  const mode = modeIsSet ? e.FAILURE_MODE : e.SIMULATE_FAILURE ? 'hang' : 'healthy';
  return {
    ...toServiceConfig(e),
    failure: { mode, hangMs: e.HANG_MS, latencyMs: e.SLOW_MS, errorRate: e.ERROR_RATE },
  };
}
