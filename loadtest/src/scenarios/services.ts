// The four services as the scenarios know them: their names, their settings, and what the demo
// runs them with. The launchers start them from this; the scenarios load and switch them.
import type { SettingValues } from '@cbd/common';
import { settings as gatewayV1 } from '@cbd/gateway-v1/contract';
import { settings as gatewayV2 } from '@cbd/gateway-v2/contract';
import { settings as product } from '@cbd/product-service/contract';
import { settings as recommendations } from '@cbd/recommendations-service/contract';
import { quickScale } from './settings.js';

export const SERVICE_NAMES = [
  'product-service',
  'recommendations-service',
  'gateway-v1',
  'gateway-v2',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Each service's settings, as its own config.ts defines them. */
export const SERVICE_SETTINGS = {
  'product-service': product,
  'recommendations-service': recommendations,
  'gateway-v1': gatewayV1,
  'gateway-v2': gatewayV2,
};

export type ServiceValues<N extends ServiceName> = SettingValues<(typeof SERVICE_SETTINGS)[N]>;

/** Settings that differ from the services' defaults, per service, as typed values. */
export type ServiceProfile = { [N in ServiceName]?: Partial<ServiceValues<N>> };

/** The default of one setting, read from its definition. */
const defaultOf = <N extends ServiceName, K extends keyof ServiceValues<N>>(
  service: N,
  key: K,
): ServiceValues<N>[K] =>
  (SERVICE_SETTINGS[service] as Record<K, { default: ServiceValues<N>[K] }>)[key].default;

/**
 * What the demo runs the services with. The defaults, but for two things: gateway-v2's rolling
 * window is 1 s, because under steady load a 10 s window full of earlier successes delays the
 * circuit opening by about 10 s; and children stop at once between scenarios (their hung
 * requests need no grace). --quick makes the hang and every timeout 10× shorter.
 */
export function demoProfile(quick: boolean): ServiceProfile {
  const scale = quickScale(quick);
  const shorter = <N extends ServiceName, K extends keyof ServiceValues<N>>(service: N, key: K) =>
    (defaultOf(service, key) as number) / scale;
  const fastStop = { shutdownGraceMs: 300 };
  return {
    'product-service': fastStop,
    'recommendations-service': {
      ...fastStop,
      hangMs: shorter('recommendations-service', 'hangMs'),
    },
    'gateway-v1': { ...fastStop, upstreamTimeoutMs: shorter('gateway-v1', 'upstreamTimeoutMs') },
    'gateway-v2': {
      ...fastStop,
      timeoutMs: shorter('gateway-v2', 'timeoutMs'),
      resetTimeoutMs: shorter('gateway-v2', 'resetTimeoutMs'),
      rollingWindowMs: quick ? 500 : 1000,
    },
  };
}
