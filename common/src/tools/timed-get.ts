export interface TimedResponse {
  status: number;
  // Tests assert on the shape; typing every payload here would only restate the assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  ms: number;
}

/** GETs (or POSTs) a URL and reports the status, the parsed JSON body and how long it took. */
export async function timedGet(url: string, init?: RequestInit): Promise<TimedResponse> {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  return { status: res.status, body, ms: performance.now() - started };
}
