import { env } from './config.js';
import type { LogLevel } from './logger.js';

/** The variables every service reads; each service spreads this into its own shape. */
export function serviceEnv(defaultPort: number) {
  return {
    HOST: env.host('127.0.0.1'),
    PORT: env.port(defaultPort),
    LOG_LEVEL: env.logLevel(),
    SHUTDOWN_GRACE_MS: env.int(2000, 0, 60_000),
  };
}

export interface ServiceConfig {
  host: string;
  port: number;
  logLevel: LogLevel;
  shutdownGraceMs: number;
}

interface ServiceEnv {
  HOST: string;
  PORT: number;
  LOG_LEVEL: LogLevel;
  SHUTDOWN_GRACE_MS: number;
}

export function toServiceConfig(e: ServiceEnv): ServiceConfig {
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}

/** Where a gateway finds the two services. */
export function upstreamEnv() {
  return {
    PRODUCT_SERVICE_URL: env.httpUrl('http://127.0.0.1:8081'),
    RECOMMENDATIONS_SERVICE_URL: env.httpUrl('http://127.0.0.1:8082'),
  };
}

export interface GatewayConfig extends ServiceConfig {
  productServiceUrl: string;
  recommendationsServiceUrl: string;
}

/** What both gateways read: the service settings and where the two services are. */
export function toGatewayConfig(
  e: ServiceEnv & { PRODUCT_SERVICE_URL: string; RECOMMENDATIONS_SERVICE_URL: string },
): GatewayConfig {
  return {
    ...toServiceConfig(e),
    productServiceUrl: e.PRODUCT_SERVICE_URL,
    recommendationsServiceUrl: e.RECOMMENDATIONS_SERVICE_URL,
  };
}
