import { silentLogger } from '@cbd/common';
import { createApp } from '../src/app.js';
import { loadConfig, type RecommendationsConfig } from '../src/config.js';
import type { FailureSettings } from '../src/failure-controller.js';

export function configWith(failure: Partial<FailureSettings>): RecommendationsConfig {
  const base = loadConfig({});
  return { ...base, failure: { ...base.failure, hangMs: 60, latencyMs: 60, ...failure } };
}

export function appWith(failure: Partial<FailureSettings>, random?: () => number) {
  return createApp(configWith(failure), { logger: silentLogger, ...(random ? { random } : {}) });
}
