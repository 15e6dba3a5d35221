import { closeServer, listen, serverUrl } from '@cbd/common';
import { createDashboardApp, type DashboardConfig, type DashboardDeps } from './dashboard-app.js';

export interface DashboardOptions extends DashboardConfig, Omit<DashboardDeps, 'closing'> {
  /** 127.0.0.1: the page's buttons switch the services. */
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningDashboard {
  url: string;
  /** Ends the pages' event streams, then closes the server. */
  close(): Promise<void>;
}

/** Serves the live dashboard; rejects with common's StartupError if the port is taken. */
export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const { host, port, targets, adminToken, ...deps } = options;
  const closing = new AbortController();
  const config: DashboardConfig = { targets, ...(adminToken ? { adminToken } : {}) };
  const app = createDashboardApp(config, { ...deps, closing: closing.signal });
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
