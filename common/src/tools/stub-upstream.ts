import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { listen, serverUrl } from '../serve.js';

/** What the stub does with one request. */
export interface StubReply {
  status?: number;
  body?: unknown;
  /** Sent as it is instead of `body` as JSON, e.g. an HTML error page. */
  text?: string;
  /** The body in pieces, each written as the client reads (an answer too large to hold). */
  stream?: () => Iterable<string>;
  /** application/json unless given. */
  contentType?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (until the client gives up or the stub closes). */
  hang?: boolean;
  /** Destroy the socket without answering (a connection reset). */
  reset?: boolean;
}

export type StubScript = (req: IncomingMessage) => StubReply;

export interface StubUpstream {
  readonly url: string;
  /** Requests received, per path prefix ("" for all). */
  hits(prefix?: string): number;
  /** Requests whose client closed the connection before the stub answered. */
  readonly abandoned: number;
  /** Requests the stub is holding right now. */
  readonly pending: number;
  script(next: StubScript): void;
  close(): Promise<void>;
}

/** A scriptable upstream on 127.0.0.1:0 that counts what reaches it. */
export async function startStubUpstream(initial: StubScript): Promise<StubUpstream> {
  let current = initial;
  const paths: string[] = [];
  let abandoned = 0;
  let pending = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    paths.push(req.url ?? '');
    const reply = current(req);
    if (reply.reset) {
      req.socket.destroy();
      return;
    }
    pending += 1;
    const finish = () => {
      res.writeHead(reply.status ?? 200, {
        'content-type': reply.contentType ?? 'application/json',
      });
      if (reply.stream) {
        // A client that leaves mid-body ends the pipeline; the close below counts it.
        pipeline(Readable.from(reply.stream()), res).catch(() => undefined);
        return;
      }
      res.end(reply.text ?? JSON.stringify(reply.body ?? {}));
    };
    const timer = reply.hang ? undefined : setTimeout(finish, reply.delayMs ?? 0);
    res.on('close', () => {
      pending -= 1;
      clearTimeout(timer);
      if (!res.writableFinished) abandoned += 1;
    });
  };

  const server = await listen(handle, '127.0.0.1', 0);
  return {
    url: serverUrl(server),
    hits: (prefix = '') => paths.filter((p) => p.startsWith(prefix)).length,
    get abandoned() {
      return abandoned;
    },
    get pending() {
      return pending;
    },
    script(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
