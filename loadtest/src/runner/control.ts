import { type CircuitStatus } from '@cbd/gateway-v2/contract';
import { type FailureMode, type FailureState } from '@cbd/recommendations-service/contract';
import { type PoolStatus } from '@cbd/gateway-v1/contract';
import type { ServiceSettings } from '../scenarios/settings.js';
import type { Targets } from '../scenarios/targets.js';

async function send<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  const body = (await res.json()) as T;
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${res.status}: ${JSON.stringify(body)}`,
    );
  return body;
}

/** Switches the recommendations failure mode through its admin endpoint. */
export function setFailureMode(
  recommendationsUrl: string,
  mode: FailureMode,
  settings: { hangMs?: number; latencyMs?: number; errorRate?: number } = {},
): Promise<FailureState> {
  return send(`${recommendationsUrl}/admin/failure`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, ...settings }),
  });
}

export function readFailureMode(recommendationsUrl: string): Promise<FailureState> {
  return send(`${recommendationsUrl}/admin/failure`, { method: 'GET' });
}

/** Closes gateway-v2's breakers. */
export async function resetBreaker(gatewayV2Url: string): Promise<void> {
  await send(`${gatewayV2Url}/circuit/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
}

/** The settings a running stack really has (--no-start), read from its own endpoints. */
export async function readServiceSettings(targets: Targets): Promise<ServiceSettings> {
  const [failure, pool, circuit] = await Promise.all([
    readFailureMode(targets['recommendations-service']),
    send<PoolStatus>(`${targets['gateway-v1']}/pool-status`, { method: 'GET' }),
    send<CircuitStatus>(`${targets['gateway-v2']}/circuit-status`, { method: 'GET' }),
  ]);
  const { options } = circuit;
  return {
    hangMs: failure.hangMs,
    v1: { upstreamTimeoutMs: pool.upstreamTimeoutMs, maxSockets: pool.size },
    v2: { ...options, capacity: options.capacity ?? 0 },
  };
}
