import {
  env,
  parseEnv,
  serviceEnv,
  toGatewayConfig,
  upstreamEnv,
  type EnvSource,
  type GatewayConfig,
} from '@cbd/common';

export interface GatewayV1Config extends GatewayConfig {
  /** How long one upstream call may take once it has a place in the pool. */
  upstreamTimeoutMs: number;
  /** Upstream calls in flight at once, both services together; the rest wait in line. */
  maxSockets: number;
}

const shape = {
  ...serviceEnv(8080),
  ...upstreamEnv(),
  V1_UPSTREAM_TIMEOUT_MS: env.int(30_000, 1, 600_000),
  V1_MAX_SOCKETS: env.int(50, 1, 10_000),
};

export function loadConfig(source: EnvSource): GatewayV1Config {
  const e = parseEnv(shape, source);
  return {
    ...toGatewayConfig(e),
    upstreamTimeoutMs: e.V1_UPSTREAM_TIMEOUT_MS,
    maxSockets: e.V1_MAX_SOCKETS,
  };
}
