import { fileURLToPath } from 'node:url';
import { readSettings, setting, type EnvSource } from '@cbd/common';

export const SERVICE_NAMES = [
  'product-service',
  'recommendations-service',
  'gateway-v1',
  'gateway-v2',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** The variable that sets each service's port when the stack is started locally. */
export const PORT_VARIABLES: Record<ServiceName, string> = {
  'product-service': 'PRODUCT_PORT',
  'recommendations-service': 'RECOMMENDATIONS_PORT',
  'gateway-v1': 'GATEWAY_V1_PORT',
  'gateway-v2': 'GATEWAY_V2_PORT',
};

export type StackPorts = Record<ServiceName, number>;

export function entryOf(name: ServiceName): string {
  return `${ROOT_DIR}${name}/src/server.ts`;
}

const port = (env: string, fallback: number) =>
  setting.port(env, { default: fallback, meaning: 'port' });
const shape = {
  'product-service': port('PRODUCT_PORT', 8081),
  'recommendations-service': port('RECOMMENDATIONS_PORT', 8082),
  'gateway-v1': port('GATEWAY_V1_PORT', 8080),
  'gateway-v2': port('GATEWAY_V2_PORT', 8090),
};

export function loadStackPorts(source: EnvSource): StackPorts {
  return readSettings(shape, source);
}

/** One service's environment: the user's, then the stack's wiring, then per-run overrides. */
export function childEnv(
  name: ServiceName,
  ports: StackPorts,
  base: EnvSource,
  overrides: Record<string, string> = {},
): Record<string, string | undefined> {
  const local = (service: ServiceName) => `http://127.0.0.1:${ports[service]}`;
  return {
    ...base,
    PORT: String(ports[name]),
    PRODUCT_SERVICE_URL: local('product-service'),
    RECOMMENDATIONS_SERVICE_URL: local('recommendations-service'),
    ...overrides,
  };
}
