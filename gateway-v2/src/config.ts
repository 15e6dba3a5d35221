import {
  omit,
  pick,
  readSettings,
  serviceSettings,
  setting,
  upstreamSettings,
  type EnvSource,
  type GatewayConfig,
  type SettingValues,
} from '@cbd/common';

/** The recommendations breaker's options: read at start, changed at run time by POST /circuit/config. */
export const breakerSettings = {
  timeoutMs: setting.int('BREAKER_TIMEOUT_MS', {
    default: 2000,
    min: 1,
    max: 600_000,
    meaning: 'a recommendations call slower than this fails, and its request is aborted',
  }),
  errorThresholdPercentage: setting.number('BREAKER_ERROR_THRESHOLD_PERCENTAGE', {
    default: 50,
    min: 0,
    max: 100,
    meaning: 'the circuit opens when more than this share of calls fail...',
  }),
  volumeThreshold: setting.int('BREAKER_VOLUME_THRESHOLD', {
    default: 3,
    min: 0,
    max: 1_000_000,
    meaning: '...once at least this many calls were made in the rolling window',
  }),
  resetTimeoutMs: setting.int('BREAKER_RESET_TIMEOUT_MS', {
    default: 10_000,
    min: 1,
    max: 3_600_000,
    meaning: 'how long the circuit stays open before one probe call is let through',
  }),
  capacity: setting.int('BREAKER_CAPACITY', {
    default: 100,
    min: 1,
    max: 100_000,
    meaning: 'recommendations calls in flight at once (bulkhead); more fall back at once',
  }),
  rollingWindowMs: setting.int('BREAKER_ROLLING_WINDOW_MS', {
    default: 10_000,
    min: 10,
    max: 3_600_000,
    meaning: 'the window the failure percentage is computed over (see below)',
  }),
};

export type BreakerOptions = SettingValues<typeof breakerSettings>;
export const BREAKER_OPTION_KEYS = Object.keys(breakerSettings) as (keyof BreakerOptions)[];

const gatewaySettings = {
  productTimeoutMs: setting.int('PRODUCT_TIMEOUT_MS', {
    default: 1000,
    min: 1,
    max: 600_000,
    meaning: 'how long a product call may take (the product breaker shares the thresholds above)',
  }),
  productMaxSockets: setting.int('PRODUCT_MAX_SOCKETS', {
    default: 100,
    min: 1,
    max: 10_000,
    meaning: 'connections to product-service (its own pool: a bulkhead)',
  }),
  recommendationsMaxSockets: setting.int('RECOMMENDATIONS_MAX_SOCKETS', {
    default: 100,
    min: 1,
    max: 10_000,
    meaning: 'connections to recommendations-service',
  }),
};

/** Every variable gateway-v2 reads. */
export const settings = {
  ...serviceSettings(8090),
  ...upstreamSettings(),
  ...breakerSettings,
  ...gatewaySettings,
};

export interface GatewayV2Config extends GatewayConfig, SettingValues<typeof gatewaySettings> {
  /** The recommendations breaker; the product breaker shares its thresholds. */
  breaker: BreakerOptions;
}

export function loadConfig(source: EnvSource): GatewayV2Config {
  const values = readSettings(settings, source);
  return { ...omit(values, BREAKER_OPTION_KEYS), breaker: pick(values, BREAKER_OPTION_KEYS) };
}
