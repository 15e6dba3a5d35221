import { readSettings, serviceSettings, type EnvSource, type ServiceConfig } from '@cbd/common';

/** Every variable product-service reads. */
export const settings = serviceSettings(8081);

export type ProductServiceConfig = ServiceConfig;

export function loadConfig(source: EnvSource): ProductServiceConfig {
  return readSettings(settings, source);
}
