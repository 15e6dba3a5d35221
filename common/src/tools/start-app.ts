import type { RequestListener } from 'node:http';
import { closeServer, listen, serverUrl } from '../serve.js';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** Serves an app on 127.0.0.1:0 for a test; close() also ends requests still in flight. */
export async function startApp(app: RequestListener): Promise<RunningApp> {
  const server = await listen(app, '127.0.0.1', 0);
  return { url: serverUrl(server), close: () => closeServer(server, 0) };
}
