/**
 * GETs a JSON body, or undefined when there is none to read (no answer in time, not 2xx, not
 * JSON): for pollers, which must keep going while a service is down or stuck.
 */
export async function tryReadJson<T>(url: string, timeoutMs = 2000): Promise<T | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? ((await res.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}
