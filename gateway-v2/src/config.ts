import {
  env,
  parseEnv,
  serviceEnv,
  toGatewayConfig,
  upstreamEnv,
  type EnvSource,
  type GatewayConfig,
} from '@cbd/common';
import type { BreakerSettings } from './breaker.js';

export interface GatewayV2Config extends GatewayConfig {
  productTimeoutMs: number;
  /** Separate socket pools per upstream (bulkheads): a hung dependency cannot starve the other. */
  productMaxSockets: number;
  recommendationsMaxSockets: number;
  /** The recommendations breaker; the product breaker shares its thresholds. */
  breaker: BreakerSettings;
}

const shape = {
  ...serviceEnv(8090),
  ...upstreamEnv(),
  PRODUCT_TIMEOUT_MS: env.int(1_000, 1, 600_000),
  PRODUCT_MAX_SOCKETS: env.int(100, 1, 10_000),
  RECOMMENDATIONS_MAX_SOCKETS: env.int(100, 1, 10_000),
  BREAKER_TIMEOUT_MS: env.int(2_000, 1, 600_000),
  BREAKER_ERROR_THRESHOLD_PERCENTAGE: env.number(50, 0, 100),
  BREAKER_VOLUME_THRESHOLD: env.int(3, 0, 1_000_000),
  BREAKER_RESET_TIMEOUT_MS: env.int(10_000, 1, 3_600_000),
  BREAKER_CAPACITY: env.int(100, 1, 100_000),
  BREAKER_ROLLING_WINDOW_MS: env.int(10_000, 10, 3_600_000),
};

export function loadConfig(source: EnvSource): GatewayV2Config {
  const e = parseEnv(shape, source);
  return {
    ...toGatewayConfig(e),
    productTimeoutMs: e.PRODUCT_TIMEOUT_MS,
    productMaxSockets: e.PRODUCT_MAX_SOCKETS,
    recommendationsMaxSockets: e.RECOMMENDATIONS_MAX_SOCKETS,
    breaker: {
      timeoutMs: e.BREAKER_TIMEOUT_MS,
      errorThresholdPercentage: e.BREAKER_ERROR_THRESHOLD_PERCENTAGE,
      volumeThreshold: e.BREAKER_VOLUME_THRESHOLD,
      resetTimeoutMs: e.BREAKER_RESET_TIMEOUT_MS,
      capacity: e.BREAKER_CAPACITY,
      rollingWindowMs: e.BREAKER_ROLLING_WINDOW_MS,
    },
  };
}
