import { parseExposition, type Exposition } from './prometheus-text.js';

/** GETs `${baseUrl}/metrics` as Prometheus would and parses it; throws if it is not valid. */
export async function scrapeMetrics(baseUrl: string): Promise<Exposition> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith('text/plain; version=0.0.4')) {
    throw new Error(`${baseUrl}/metrics answered ${res.status} (${type}): ${text.slice(0, 200)}`);
  }
  return parseExposition(text);
}
