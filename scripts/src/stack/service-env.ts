import type { EnvSource } from '@cbd/common';
import * as gatewayV1 from '@cbd/gateway-v1';
import * as gatewayV2 from '@cbd/gateway-v2';
import { serviceSettings, type ServiceSettings } from '@cbd/loadtest';
import * as recommendations from '@cbd/recommendations-service';
import type { ServiceName } from '../stack/services.js';

export interface DemoServiceEnv {
  overrides: Record<ServiceName, Record<string, string>>;
  /** The settings the services will really run with, for the report. */
  settings: ServiceSettings;
}

/** The demo's settings as environment variables (the defaults, or ~10× shorter for --quick). */
function demoDefaults(quick: boolean): Record<string, string> {
  const s = serviceSettings(quick);
  return {
    HANG_MS: String(s.hangMs),
    V1_UPSTREAM_TIMEOUT_MS: String(s.v1.upstreamTimeoutMs),
    V1_POOL_SIZE: String(s.v1.maxSockets),
    BREAKER_TIMEOUT_MS: String(s.v2.timeoutMs),
    BREAKER_ERROR_THRESHOLD_PERCENTAGE: String(s.v2.errorThresholdPercentage),
    BREAKER_VOLUME_THRESHOLD: String(s.v2.volumeThreshold),
    BREAKER_RESET_TIMEOUT_MS: String(s.v2.resetTimeoutMs),
    BREAKER_CAPACITY: String(s.v2.capacity),
    BREAKER_ROLLING_WINDOW_MS: String(s.v2.rollingWindowMs),
    // Children stop fast between scenarios; their hung requests need no grace.
    SHUTDOWN_GRACE_MS: '300',
  };
}

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/**
 * Each child's variables: the demo's defaults, except where the user set a variable, which
 * wins. Parsed with the services' own config code, so a bad value fails here, named, before
 * anything starts.
 */
export function demoServiceEnv(quick: boolean, userEnv: EnvSource): DemoServiceEnv {
  const defaults = demoDefaults(quick);
  const chosen = Object.fromEntries(
    Object.entries(defaults).filter(([name]) => !isSet(userEnv[name])),
  );
  const effective = { ...userEnv, ...chosen };
  const v1 = gatewayV1.loadConfig(effective);
  const v2 = gatewayV2.loadConfig(effective);
  const recs = recommendations.loadConfig(effective);
  return {
    overrides: {
      'product-service': chosen,
      'recommendations-service': chosen,
      'gateway-v1': chosen,
      'gateway-v2': chosen,
    },
    settings: {
      hangMs: recs.failure.hangMs,
      v1: { upstreamTimeoutMs: v1.upstreamTimeoutMs, maxSockets: v1.poolSize },
      v2: {
        timeoutMs: v2.breaker.timeoutMs,
        errorThresholdPercentage: v2.breaker.errorThresholdPercentage,
        volumeThreshold: v2.breaker.volumeThreshold,
        resetTimeoutMs: v2.breaker.resetTimeoutMs,
        capacity: v2.breaker.capacity ?? 0,
        rollingWindowMs: v2.breaker.rollingWindowMs,
      },
    },
  };
}
