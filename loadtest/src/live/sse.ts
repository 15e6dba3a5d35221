import type { ServerResponse } from 'node:http';

/**
 * One Server-Sent Events message. JSON.stringify escapes every newline, so the data is always
 * one `data:` line and cannot end the message early or forge another event.
 */
export function sseFrame(event: string, data: unknown): string {
  if (!/^[a-z-]+$/.test(event)) throw new RangeError(`not an event name: ${event}`);
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Starts an event stream; retryMs tells the browser how soon to reconnect if it drops. */
export function openEventStream(res: ServerResponse, retryMs: number): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(`retry: ${retryMs}\n\n`);
}
