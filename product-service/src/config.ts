import {
  parseEnv,
  serviceEnv,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@cbd/common';

export type ProductServiceConfig = ServiceConfig;

export function loadConfig(source: EnvSource): ProductServiceConfig {
  return toServiceConfig(parseEnv(serviceEnv(8081), source));
}
