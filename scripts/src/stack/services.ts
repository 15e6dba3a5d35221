import { fileURLToPath } from 'node:url';
import { env, parseEnv, type EnvSource } from '@cbd/common';

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

const shape = {
  PRODUCT_PORT: env.port(8081),
  RECOMMENDATIONS_PORT: env.port(8082),
  GATEWAY_V1_PORT: env.port(8080),
  GATEWAY_V2_PORT: env.port(8090),
};

export function loadStackPorts(source: EnvSource): StackPorts {
  const e = parseEnv(shape, source);
  return {
    'product-service': e.PRODUCT_PORT,
    'recommendations-service': e.RECOMMENDATIONS_PORT,
    'gateway-v1': e.GATEWAY_V1_PORT,
    'gateway-v2': e.GATEWAY_V2_PORT,
  };
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
