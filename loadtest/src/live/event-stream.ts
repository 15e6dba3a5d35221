import type { RequestHandler } from 'express';
import { sampleView, type SampleView } from './sample-view.js';
import { openEventStream, sseFrame } from './sse.js';
import { statusView, type StatusView } from './status-view.js';
import type { LiveEvent, LiveFeed } from './types.js';

/** What a page is sent first: the history it missed, and the services' state now. */
export interface SnapshotView {
  windowSeconds: number;
  connections: number;
  samples: SampleView[];
  status: StatusView;
}

export function snapshotView(feed: LiveFeed): SnapshotView {
  const snapshot = feed.snapshot();
  return {
    windowSeconds: snapshot.windowSeconds,
    connections: snapshot.connections,
    samples: snapshot.samples.map(sampleView),
    status: statusView(snapshot.status),
  };
}

function frameOf(event: LiveEvent): string {
  return event.type === 'sample'
    ? sseFrame('sample', sampleView(event.sample))
    : sseFrame('status', statusView(event.status));
}

/**
 * GET /events: the snapshot, then every sample (once a second) and every status read (about
 * twice a second) as they come. Ends when the page goes, or when `closing` aborts.
 */
export function eventStream(feed: LiveFeed, closing?: AbortSignal): RequestHandler {
  return (_req, res) => {
    openEventStream(res, 1000);
    res.write(sseFrame('snapshot', snapshotView(feed)));
    const unsubscribe = feed.subscribe((event) => {
      if (!res.writableEnded) res.write(frameOf(event));
    });
    const stop = () => {
      unsubscribe();
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
