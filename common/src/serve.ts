import {
  createServer,
  STATUS_CODES,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import closeWithGrace from 'close-with-grace';
import { errorBody } from './error-handler.js';
import { CommonErrors } from './errors.js';
import { ConfigError } from './settings.js';
import type { Logger } from './logger.js';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface ServeOptions {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** How long in-flight requests may finish after a signal before their sockets are closed. */
  graceMs: number;
  /** Releases what the app holds (breakers, agents) once the server has closed. */
  onClose?: () => void | Promise<void>;
}

function parserError(code: string | undefined) {
  if (code === 'HPE_HEADER_OVERFLOW') return CommonErrors.headersTooLarge();
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return CommonErrors.requestTimeout();
  return CommonErrors.notHttp();
}

/**
 * What Node's HTTP parser refuses (headers over 16 KiB, a malformed request) never reaches
 * Express, and Node's own answer has no body: this one is in the JSON error shape. It is
 * written straight to the socket, as there is no response object, and only if no answer is
 * under way on it (the rule Node itself follows): bytes in the middle of another answer would
 * corrupt it.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const current = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const error = parserError(err.code);
  const body = JSON.stringify(errorBody(error));
  const head = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  // Destroyed once written: a client that keeps the connection open must not hold it.
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}

/** Listens on host:port (0 picks a free port); rejects with a StartupError that names the port. */
export async function listen(app: RequestListener, host: string, port: number): Promise<Server> {
  const server = createServer(app);
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const reason =
        err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${err.code})`;
      reject(new StartupError(`port ${port} on ${host} ${reason}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return server;
}

export function serverUrl(server: Server): string {
  const { address, port, family } = server.address() as AddressInfo;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

/**
 * Stops accepting, lets in-flight requests finish for graceMs, then closes every socket left:
 * a request held by a hanging dependency must not keep the process alive for 30 s.
 */
export async function closeServer(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() only drops connections idle at that moment; a keep-alive connection whose
  // response finishes later would otherwise stay open until the grace period ends.
  const idle = setInterval(() => server.closeIdleConnections(), 25);
  const force = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearInterval(idle);
  clearTimeout(force);
}

/** Listens, logs the URL, and closes gracefully on SIGINT/SIGTERM or a fatal error. */
export async function serve(app: RequestListener, options: ServeOptions): Promise<Server> {
  const { name, host, port, logger, graceMs, onClose } = options;
  const server = await listen(app, host, port);
  logger.info(`${name} listening on ${serverUrl(server)}`);
  const { close } = closeWithGrace({ delay: graceMs + 3000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, `${name}: fatal error, shutting down`);
    else logger.info(`${name}: ${signal ?? 'orchestrator gone'}, shutting down`);
    await closeServer(server, graceMs);
    await onClose?.();
  });
  // Started by an orchestrator with an IPC channel (pnpm start, pnpm demo): if it dies without
  // stopping us, the channel closes, and we go too rather than linger holding the port.
  if (process.connected) process.once('disconnect', close);
  return server;
}

/** Runs a service's start-up; a bad setting or a busy port ends it with one clear line. */
export function runService(name: string, start: () => Promise<unknown>): void {
  start().catch((err: unknown) => {
    const known = err instanceof ConfigError || err instanceof StartupError;
    console.error(`${name} did not start: ${known ? err.message : String(err)}`);
    if (!known) console.error(err);
    process.exitCode = 1;
  });
}
