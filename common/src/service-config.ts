import { env } from './config.js';

/** The variables every service reads; each service adds its own to this shape. */
export function serviceEnv(defaultPort: number) {
  return {
    HOST: env.host('127.0.0.1'),
    PORT: env.port(defaultPort),
    LOG_LEVEL: env.logLevel(),
    SHUTDOWN_GRACE_MS: env.int(2000, 0, 60_000),
  };
}
