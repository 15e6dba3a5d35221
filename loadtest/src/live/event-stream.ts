import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { LiveEvent, LiveFeed, PageSnapshot, TourFeed } from './types.js';

/**
 * One Server-Sent Events message. JSON.stringify escapes every newline, so the data is always
 * one `data:` line and cannot end the message early or forge another event.
 */
export function sseFrame(event: string, data: unknown): string {
  if (!/^[a-z-]+$/.test(event)) throw new RangeError(`not an event name: ${event}`);
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Starts an event stream; retryMs tells the browser how soon to reconnect if it drops. */
function openEventStream(res: ServerResponse, retryMs: number): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(`retry: ${retryMs}\n\n`);
}

export function pageSnapshot(feed: LiveFeed, tour: TourFeed | undefined): PageSnapshot {
  return { ...feed.snapshot(), tour: tour?.current() ?? null };
}

const frameOf = (event: LiveEvent) =>
  event.type === 'second' ? sseFrame('second', event.second) : sseFrame('status', event.status);

/**
 * GET /events: the snapshot (the history a page missed, the state now, the tour's step), then
 * every second, every status read and every tour step as they come. Ends when the page goes,
 * or when `closing` aborts.
 */
export function eventStream(
  feed: LiveFeed,
  tour: TourFeed | undefined,
  closing?: AbortSignal,
): RequestHandler {
  return (_req, res) => {
    openEventStream(res, 1000);
    res.write(sseFrame('snapshot', pageSnapshot(feed, tour)));
    const send = (frame: string) => {
      if (!res.writableEnded) res.write(frame);
    };
    const unsubscribe = [
      feed.subscribe((event) => send(frameOf(event))),
      tour?.subscribe((step) => send(sseFrame('tour', step))),
    ];
    const stop = () => {
      for (const off of unsubscribe) off?.();
      closing?.removeEventListener('abort', end);
    };
    const end = () => {
      stop();
      res.end();
    };
    res.once('close', stop);
    if (closing?.aborted) end();
    else closing?.addEventListener('abort', end, { once: true });
  };
}
