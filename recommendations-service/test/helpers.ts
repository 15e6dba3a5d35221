import { silentLogger, type EnvSource } from '@cbd/common';
import { createApp } from '../src/app.js';
import { loadConfig, type RecommendationsConfig } from '../src/config.js';
import type { FailureSettings } from '../src/failure-controller.js';

export function configWith(
  failure: Partial<FailureSettings>,
  env: EnvSource = {},
): RecommendationsConfig {
  const base = loadConfig(env);
  return { ...base, failure: { ...base.failure, hangMs: 60, latencyMs: 60, ...failure } };
}

/** The service in a failure mode; `env` for other settings, e.g. ADMIN_TOKEN. */
export function appWith(
  failure: Partial<FailureSettings>,
  random?: () => number,
  env: EnvSource = {},
) {
  return createApp(configWith(failure, env), {
    logger: silentLogger,
    ...(random ? { random } : {}),
  });
}
