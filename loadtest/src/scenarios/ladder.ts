import { PROTECTIONS, type Protection } from '@cbd/gateway-v2/contract';
import type { ServiceProfile } from './services.js';
import type { GatewayId } from './settings.js';

/**
 * The ladder from gateway-v1 to gateway-v2: each rung adds one protection to the one below,
 * plus gateway-v1 with naive retries, the fix people reach for first.
 */
export const RUNG_IDS = ['none', 'retries', 'timeout', 'fallback', 'breaker', 'bulkhead'] as const;
export type RungId = (typeof RUNG_IDS)[number];

export interface Rung {
  id: RungId;
  label: string;
  /** What this rung adds to the one it is compared with. */
  adds: string;
  /** The rung it is compared with: the one below, or none for the bottom. */
  below: RungId | null;
  gateway: GatewayId;
  protections: Protection[];
  retries: number;
}

const upTo = (last: Protection): Protection[] =>
  PROTECTIONS.slice(0, PROTECTIONS.indexOf(last) + 1);

/** The rungs, bottom first; `retries` is how many more times the retrying rung tries a call. */
export function ladderRungs(retries: number): Rung[] {
  return [
    {
      id: 'none',
      label: 'no protection (gateway-v1)',
      adds: 'nothing: gateway-v1 as it is',
      below: null,
      gateway: 'v1',
      protections: [],
      retries: 0,
    },
    {
      id: 'retries',
      label: `no protection + ${retries} retries`,
      adds: `${retries} more tries of every failed call`,
      below: 'none',
      gateway: 'v1',
      protections: [],
      retries,
    },
    {
      id: 'timeout',
      label: '+ short timeout',
      adds: 'a short timeout',
      below: 'none',
      gateway: 'v2',
      protections: upTo('timeout'),
      retries: 0,
    },
    {
      id: 'fallback',
      label: '+ fallback',
      adds: 'the empty-recommendations fallback',
      below: 'timeout',
      gateway: 'v2',
      protections: upTo('fallback'),
      retries: 0,
    },
    {
      id: 'breaker',
      label: '+ circuit breaker',
      adds: 'the circuit breaker',
      below: 'fallback',
      gateway: 'v2',
      protections: upTo('breaker'),
      retries: 0,
    },
    {
      id: 'bulkhead',
      label: '+ bulkhead (gateway-v2)',
      adds: 'the bulkheads (a pool per upstream, a cap on calls in flight)',
      below: 'breaker',
      gateway: 'v2',
      protections: upTo('bulkhead'),
      retries: 0,
    },
  ];
}

/** What a launcher starts a rung's gateway with, on top of the demo's profile. */
export function rungProfile(rung: Rung): ServiceProfile {
  return rung.gateway === 'v1'
    ? { 'gateway-v1': { retries: rung.retries } }
    : { 'gateway-v2': { protections: rung.protections } };
}
