import { settings as gatewayV1 } from '@cbd/gateway-v1/contract';
import { PROTECTIONS, type Protection, settings as gatewayV2 } from '@cbd/gateway-v2/contract';
import type { GatewayId } from '../model/gateways.js';
import type { ServiceProfile } from './services.js';

/**
 * The ladder from gateway-v1 to gateway-v2: each rung adds one protection to the one below,
 * plus gateway-v1 with naive retries, the fix people reach for first, and those retries as a
 * plain Node proxy with a retry library makes them: a short timeout on every try and no pool.
 */
export const RUNG_IDS = [
  'none',
  'retries',
  'fast-retries',
  'timeout',
  'fallback',
  'breaker',
  'bulkhead',
] as const;
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
  /**
   * gateway-v1 only: every try times out when gateway-v2's calls do, and its pool is as large as
   * V1_POOL_SIZE goes, so nothing caps the calls in flight (Node's own agent has no cap).
   */
  fast: boolean;
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
      fast: false,
    },
    {
      id: 'retries',
      label: `no protection + ${retries} retries`,
      adds: `${retries} more tries of every failed call`,
      below: 'none',
      gateway: 'v1',
      protections: [],
      retries,
      fast: false,
    },
    {
      id: 'fast-retries',
      label: `${retries} retries, short timeout, no pool`,
      adds: 'a short timeout on every try and no cap on the calls in flight, as a plain Node proxy with a retry library has',
      below: 'retries',
      gateway: 'v1',
      protections: [],
      retries,
      fast: true,
    },
    {
      id: 'timeout',
      label: '+ short timeout',
      adds: 'a short timeout',
      below: 'none',
      gateway: 'v2',
      protections: upTo('timeout'),
      retries: 0,
      fast: false,
    },
    {
      id: 'fallback',
      label: '+ fallback',
      adds: 'the empty-recommendations fallback',
      below: 'timeout',
      gateway: 'v2',
      protections: upTo('fallback'),
      retries: 0,
      fast: false,
    },
    {
      id: 'breaker',
      label: '+ circuit breaker',
      adds: 'the circuit breaker',
      below: 'fallback',
      gateway: 'v2',
      protections: upTo('breaker'),
      retries: 0,
      fast: false,
    },
    {
      id: 'bulkhead',
      label: '+ bulkhead (gateway-v2)',
      adds: 'the bulkheads (a pool per upstream, a cap on calls in flight)',
      below: 'breaker',
      gateway: 'v2',
      protections: upTo('bulkhead'),
      retries: 0,
      fast: false,
    },
  ];
}

/**
 * What a launcher starts a rung's gateway with, on top of `profile`, the demo's profile the
 * other rungs run with: the fast retries' timeout is gateway-v2's timeout in it.
 */
export function rungProfile(rung: Rung, profile: ServiceProfile = {}): ServiceProfile {
  if (rung.gateway === 'v2') return { 'gateway-v2': { protections: rung.protections } };
  if (!rung.fast) return { 'gateway-v1': { retries: rung.retries } };
  return {
    'gateway-v1': {
      retries: rung.retries,
      upstreamTimeoutMs: profile['gateway-v2']?.timeoutMs ?? gatewayV2.timeoutMs.default,
      poolSize: gatewayV1.poolSize.max,
    },
  };
}
