// The two gateways the demo compares, and the routes its users and probes call on each. Here,
// at the bottom, because everything from the scenarios to the browser pages names them.

export const GATEWAYS = ['v1', 'v2'] as const;
export type GatewayId = (typeof GATEWAYS)[number];
/** Each gateway's service: its name in a stack's targets, and how it names itself to recommendations. */
export const GATEWAY_SERVICE = { v1: 'gateway-v1', v2: 'gateway-v2' } as const satisfies Record<
  GatewayId,
  string
>;

export const LOAD_PATH = '/product-details/1';
/** A route that needs only the healthy product service: any slowness here is collateral damage. */
export const PROBE_PATH = '/products/1';
