import { closeServer, listen, serverUrl, type Logger } from '@cbd/common';
import type { Targets } from '../scenarios/targets.js';
import type { DashboardAssets } from './assets.js';
import { createDashboardApp } from './dashboard-app.js';
import type { LiveFeed } from './types.js';

export interface DashboardOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  targets: Targets;
  feed: LiveFeed;
  assets: DashboardAssets;
  logger: Logger;
}

export interface RunningDashboard {
  url: string;
  /** Ends the pages' event streams, then closes the server. */
  close(): Promise<void>;
}

/** Serves the live dashboard; rejects with common's StartupError if the port is taken. */
export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const { host, port, targets, feed, assets, logger } = options;
  const closing = new AbortController();
  const app = createDashboardApp({ targets }, { logger, feed, assets, closing: closing.signal });
  const server = await listen(app, host, port);
  return {
    url: serverUrl(server),
    async close() {
      closing.abort();
      // A button press in flight may finish; nothing else is left once the streams ended.
      await closeServer(server, 1000);
    },
  };
}
