import type { z } from 'zod';

/**
 * GETs a JSON body and checks it against the service's contract; undefined when there is none
 * to use (no answer in time, not 2xx, not JSON, not the contract): for pollers, which must keep
 * going while a service is down, stuck or misbehaving.
 */
export async function tryRead<S extends z.ZodType>(
  url: string,
  schema: S,
  timeoutMs = 2000,
): Promise<z.infer<S> | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    const parsed = schema.safeParse(await res.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
