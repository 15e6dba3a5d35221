import {
  DEFAULT_PORTS,
  readSettings,
  serviceSettings,
  setting,
  upstreamSettings,
  UNPROTECTED_DEFAULTS,
  type EnvSource,
  type SettingValues,
} from '@cbd/common';

/** Every variable gateway-v1 reads. */
export const settings = {
  ...serviceSettings(DEFAULT_PORTS['gateway-v1']),
  ...upstreamSettings(),
  upstreamTimeoutMs: setting.int('V1_UPSTREAM_TIMEOUT_MS', {
    default: UNPROTECTED_DEFAULTS.timeoutMs,
    min: 1,
    max: 600_000,
    meaning: 'how long one upstream call may take once it has a place in the pool',
  }),
  poolSize: setting.int('V1_POOL_SIZE', {
    default: UNPROTECTED_DEFAULTS.poolSize,
    min: 1,
    max: 10_000,
    meaning:
      'the shared upstream pool: calls in flight at once, both services together; the rest wait in line, as requests wait for a worker thread',
  }),
  retries: setting.int('V1_RETRIES', {
    default: 0,
    min: 0,
    max: 10,
    meaning:
      'naive retries: a failed upstream call (timeout, no connection, 5xx, 408, 429, bad body; not another 4xx) is tried again at once this many more times, keeping its place in the pool',
  }),
};

export type GatewayV1Config = SettingValues<typeof settings>;

export function loadConfig(source: EnvSource): GatewayV1Config {
  return readSettings(settings, source);
}
