import {
  DEFAULT_PORTS,
  readSettings,
  serviceSettings,
  setting,
  type EnvSource,
  type SettingValues,
} from '@cbd/common';
import type { ServiceName } from '@cbd/loadtest';

// The launchers' own settings: where they put the four services and the live page. From 1, not
// 0 as a service's PORT may be: the launchers wire every URL before anything listens, so "any
// free port" cannot be followed.
const port = (env: string, fallback: number, meaning: string) =>
  setting.int(env, { default: fallback, min: 1, max: 65535, meaning });

/** Each service's port when a launcher starts the stack. */
export const STACK_PORT_SETTINGS = {
  'product-service': port('PRODUCT_PORT', DEFAULT_PORTS['product-service'], 'product-service'),
  'recommendations-service': port(
    'RECOMMENDATIONS_PORT',
    DEFAULT_PORTS['recommendations-service'],
    'recommendations-service',
  ),
  'gateway-v1': port('GATEWAY_V1_PORT', DEFAULT_PORTS['gateway-v1'], 'gateway-v1'),
  'gateway-v2': port('GATEWAY_V2_PORT', DEFAULT_PORTS['gateway-v2'], 'gateway-v2'),
} satisfies Record<ServiceName, unknown>;

export const DASHBOARD_PORT_SETTINGS = {
  dashboardPort: port(
    'DASHBOARD_PORT',
    8099,
    'the live page of `pnpm demo --live` and `pnpm tour --live`',
  ),
};

export const LADDER_PORT_SETTINGS = {
  ladderPort: port(
    'LADDER_PORT',
    8100,
    'the first of the consecutive ports `pnpm demo --scenario layers` starts its ladder on: product-service, then each rung’s recommendations-service and gateway',
  ),
};

export function readLadderPort(env: EnvSource): number {
  return readSettings(LADDER_PORT_SETTINGS, env).ladderPort;
}

export type StackPorts = SettingValues<typeof STACK_PORT_SETTINGS>;

export function readStackPorts(env: EnvSource): StackPorts {
  return readSettings(STACK_PORT_SETTINGS, env);
}

export function readDashboardPort(env: EnvSource): number {
  return readSettings(DASHBOARD_PORT_SETTINGS, env).dashboardPort;
}

/**
 * The token the services guard their admin routes with (their own ADMIN_TOKEN setting, which
 * the launchers pass them unchanged): the launchers send it with every switch they pull.
 */
export function readAdminToken(env: EnvSource): string | undefined {
  const { adminToken } = serviceSettings(0);
  return readSettings({ adminToken }, env).adminToken || undefined;
}
