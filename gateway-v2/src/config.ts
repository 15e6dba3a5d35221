import {
  DEFAULT_PORTS,
  omit,
  pick,
  readSettings,
  serviceSettings,
  setting,
  upstreamSettings,
  type EnvSource,
  type GatewayConfig,
  UNPROTECTED_DEFAULTS,
  type SettingValues,
} from '@cbd/common';
import type CircuitBreaker from 'opossum';

/**
 * What gateway-v2 adds to gateway-v1, one by one, in the order of the ladder from one to the
 * other: a short timeout, a fallback, a circuit breaker, bulkheads.
 */
export const PROTECTIONS = ['timeout', 'fallback', 'breaker', 'bulkhead'] as const;
export type Protection = (typeof PROTECTIONS)[number];

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
  // Little's law: calls in flight = arrival rate x latency; README, "Sizing the bulkhead".
  capacity: setting.int('BREAKER_CAPACITY', {
    default: 10,
    min: 1,
    max: 100_000,
    meaning:
      'recommendations calls in flight at once (bulkhead); more fall back at once and count as failures (see "Sizing the bulkhead")',
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

/**
 * The opossum option each breaker setting sets. Typed by the settings, so a new one does not
 * compile until it is named here, beside its definition.
 */
export const OPOSSUM_OPTIONS = {
  timeoutMs: 'timeout',
  errorThresholdPercentage: 'errorThresholdPercentage',
  volumeThreshold: 'volumeThreshold',
  resetTimeoutMs: 'resetTimeout',
  capacity: 'capacity',
  rollingWindowMs: 'rollingCountTimeout',
} as const satisfies Record<keyof BreakerOptions, keyof CircuitBreaker.Options>;

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
  protections: setting.listOf('PROTECTIONS', PROTECTIONS, {
    default: [...PROTECTIONS],
    meaning:
      'the protections on, e.g. `timeout,fallback`; `none` makes it behave as gateway-v1 (see "Protections, one by one")',
  }),
  unprotectedTimeoutMs: setting.int('UNPROTECTED_TIMEOUT_MS', {
    default: UNPROTECTED_DEFAULTS.timeoutMs,
    min: 1,
    max: 600_000,
    meaning:
      "with `timeout` off: how long a product or recommendations call may take once it has its place (the default is gateway-v1's `V1_UPSTREAM_TIMEOUT_MS`)",
  }),
  sharedPoolSize: setting.int('SHARED_POOL_SIZE', {
    default: UNPROTECTED_DEFAULTS.poolSize,
    min: 1,
    max: 10_000,
    meaning:
      "with `bulkhead` off: the one upstream pool both services share, calls in flight at once, the rest in line (the default is gateway-v1's `V1_POOL_SIZE`)",
  }),
};

/** Every variable gateway-v2 reads. */
export const settings = {
  ...serviceSettings(DEFAULT_PORTS['gateway-v2']),
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
  // In the ladder's order, however the list was written.
  const protections = PROTECTIONS.filter((p) => values.protections.includes(p));
  return {
    ...omit(values, BREAKER_OPTION_KEYS),
    protections,
    breaker: pick(values, BREAKER_OPTION_KEYS),
  };
}
