/** One Server-Sent Event as a test reads it. */
export interface ServerEvent {
  event: string;
  data: string;
}

export interface EventStreamReader {
  readonly status: number;
  readonly contentType: string;
  /** Every event received so far, in order. */
  readonly events: readonly ServerEvent[];
  /** The first event so far or to come that matches; rejects after timeoutMs. */
  waitFor(match: (e: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  /** Disconnects, as a browser tab that closes. */
  close(): void;
}

function parseBlock(block: string): ServerEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
  }
  // A block of only `retry:` or comments carries no event.
  return data.length ? { event, data: data.join('\n') } : undefined;
}

/** Opens a text/event-stream with fetch and parses it as a browser's EventSource would. */
export async function readEventStream(url: string): Promise<EventStreamReader> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const events: ServerEvent[] = [];
  const waiters = new Set<(e: ServerEvent) => void>();
  const pump = async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const parsed = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!parsed) continue;
        events.push(parsed);
        for (const waiter of waiters) waiter(parsed);
      }
    }
  };
  pump().catch(() => undefined);
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    events,
    waitFor(match, timeoutMs = 5000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.length}`));
        }, timeoutMs);
        const check = (e: ServerEvent) => {
          if (!match(e)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(e);
        };
        waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}
