import { request } from 'node:http';
import { connect } from 'node:net';
import type { TimedResponse } from './timed-get.js';

export interface RawRequest {
  method?: string;
  /** Sent as given, Host included (fetch replaces Host with the URL's). */
  headers?: Record<string, string>;
  body?: string;
}

/** One request with exactly these headers; the body is parsed as JSON when it is JSON. */
export function httpRequest(
  url: string,
  { method = 'GET', headers = {}, body }: RawRequest = {},
): Promise<TimedResponse & { headers: Record<string, string | string[] | undefined> }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // Not JSON: the text itself.
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: parsed,
          ms: performance.now() - started,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`${method} ${url}: no answer in 5 s`)));
    req.end(body);
  });
}

/** Writes `raw` on a fresh connection and resolves with all the server sent before closing. */
export function exchangeRaw(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    socket.setTimeout(5000, () => socket.destroy(new Error(`${url}: no answer in 5 s`)));
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}
