import {
  DEFAULT_PORTS,
  readSettings,
  serviceSettings,
  type EnvSource,
  type ServiceConfig,
} from '@cbd/common';

/** Every variable product-service reads. */
export const settings = serviceSettings(DEFAULT_PORTS['product-service']);

export type ProductServiceConfig = ServiceConfig;

export function loadConfig(source: EnvSource): ProductServiceConfig {
  return readSettings(settings, source);
}
