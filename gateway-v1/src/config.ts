import {
  readSettings,
  serviceSettings,
  setting,
  upstreamSettings,
  type EnvSource,
  type SettingValues,
} from '@cbd/common';

/** Every variable gateway-v1 reads. */
export const settings = {
  ...serviceSettings(8080),
  ...upstreamSettings(),
  upstreamTimeoutMs: setting.int('V1_UPSTREAM_TIMEOUT_MS', {
    default: 30_000,
    min: 1,
    max: 600_000,
    meaning: 'how long one upstream call may take once it has a place in the pool',
  }),
  poolSize: setting.int('V1_POOL_SIZE', {
    default: 50,
    min: 1,
    max: 10_000,
    meaning:
      'the shared upstream pool: calls in flight at once, both services together; the rest wait in line, as requests wait for a worker thread',
  }),
};

export type GatewayV1Config = SettingValues<typeof settings>;

export function loadConfig(source: EnvSource): GatewayV1Config {
  return readSettings(settings, source);
}
