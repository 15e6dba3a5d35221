import type { FailureMode, FailureState } from '@cbd/common';

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
  await send(`${gatewayV2Url}/circuit/reset`, { method: 'POST' });
}
