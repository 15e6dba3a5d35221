/** Where a scenario sends its load and its switches. */
export interface Targets {
  'gateway-v1': string;
  'gateway-v2': string;
  'recommendations-service': string;
}

export const LOAD_PATH = '/product-details/1';
/** A route that needs only the healthy product service: any slowness here is collateral damage. */
export const PROBE_PATH = '/products/1';
