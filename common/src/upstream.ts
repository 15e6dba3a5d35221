import { Agent, type AgentOptions } from 'node:http';
import axios, { AxiosError, type GenericAbortSignal } from 'axios';

/** How an upstream call went wrong; the gateways map each to a status and an outcome. */
export type UpstreamFailure = 'timeout' | 'unavailable' | 'status' | 'body';

/**
 * The request header in which a gateway names itself on every upstream call, so the service
 * called can count its callers (recommendations-service does).
 */
export const CALLER_HEADER = 'x-caller';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    readonly upstream: string,
    readonly failure: UpstreamFailure,
    message: string,
    /** The upstream's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * How one upstream call ended: `client_error` is a 4xx (e.g. an unknown product, or the
 * recommendations service's 408 after a hang), `server_error` a 5xx, `unavailable` no
 * connection, `bad_body` an answer the gateway could not use.
 */
export type UpstreamResult =
  'ok' | 'timeout' | 'unavailable' | 'client_error' | 'server_error' | 'bad_body';

/** Called once per upstream call that was really made (a breaker's rejection makes none). */
export type UpstreamObserver = (upstream: string, result: UpstreamResult, seconds: number) => void;

function upstreamResultOf(err: UpstreamError): UpstreamResult {
  switch (err.failure) {
    case 'timeout':
      return 'timeout';
    case 'unavailable':
      return 'unavailable';
    case 'body':
      return 'bad_body';
    case 'status':
      return (err.status ?? 500) < 500 ? 'client_error' : 'server_error';
  }
}

/**
 * An upstream 4xx (an unknown product) means the upstream is working: not a failure to retry
 * or to count against it. 408 and 429 are the upstream saying it cannot cope, so they are.
 */
export function isClientError(err: unknown): boolean {
  if (!(err instanceof UpstreamError) || err.status === undefined) return false;
  return err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

/**
 * axios turns TCP keep-alive on with a 60-s delay on every socket a request is given; Node's
 * keep-alive agent turns it on with its own delay (1 s by default) on every socket it takes
 * back. With two delays, every upstream call pays eight setsockopt system calls to switch
 * between them; with axios's, Node sees nothing to change and makes none.
 */
const AXIOS_KEEP_ALIVE_MS = 60_000;

/** The connections to one upstream (or to all, in a shared pool), kept open between calls. */
export function keepAliveAgent(
  options: Omit<AgentOptions, 'keepAlive' | 'keepAliveMsecs'> = {},
): Agent {
  return new Agent({ ...options, keepAlive: true, keepAliveMsecs: AXIOS_KEEP_ALIVE_MS });
}

export interface UpstreamClientOptions {
  /** Used in error messages and metrics, e.g. "product-service". */
  name: string;
  baseUrl: string;
  agent: Agent;
  /** A number, or a function for a timeout that can change while the gateway runs. */
  timeoutMs: number | (() => number);
  /** The most an answer may weigh, decoded; a larger one is cut off there and is a `body` failure. */
  maxBodyBytes: number;
  /** Told how long each call took and how it ended (the gateways' upstream metrics). */
  observe?: UpstreamObserver;
  /** Sent as CALLER_HEADER on every call, e.g. "gateway-v1". */
  caller?: string;
}

export interface UpstreamClient {
  readonly name: string;
  /** GETs `path` and checks the body with `isValid`; throws UpstreamError on any failure. */
  getJson<T>(path: string, isValid: (body: unknown) => body is T): Promise<T>;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * axios's Node adapter (lib/adapters/http.js) counts an answer's bytes as they arrive; past
 * maxContentLength it destroys the response stream, which closes the connection, and rejects
 * with ERR_BAD_RESPONSE and this message. Nothing else it rejects with says maxContentLength.
 */
const isOverCap = (err: AxiosError) =>
  err.code === AxiosError.ERR_BAD_RESPONSE && err.message.startsWith('maxContentLength');

function toUpstreamError(
  name: string,
  err: unknown,
  timedOut: boolean,
  limits: { timeoutMs: number; maxBodyBytes: number },
): UpstreamError {
  const code = err instanceof AxiosError ? err.code : undefined;
  if (timedOut || code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new UpstreamError(
      name,
      'timeout',
      `${name} did not answer within ${limits.timeoutMs} ms`,
    );
  }
  if (err instanceof AxiosError && isOverCap(err)) {
    return new UpstreamError(name, 'body', `${name} sent more than ${limits.maxBodyBytes} bytes`);
  }
  const status = err instanceof AxiosError ? err.response?.status : undefined;
  // A 2xx in an error is an answer whose body broke off: the connection failed, not the status.
  if (status !== undefined && (status < 200 || status > 299)) {
    return new UpstreamError(name, 'status', `${name} answered ${status}`, status);
  }
  if (status !== undefined) {
    return new UpstreamError(name, 'unavailable', `${name} closed the connection mid-answer`);
  }
  const cause = code && UNAVAILABLE_CODES.has(code) ? code : 'connection failed';
  return new UpstreamError(name, 'unavailable', `${name} is unreachable (${cause})`);
}

/**
 * One call's deadline, handed to axios as its signal. Each call gets its own: a timed-out call
 * must close its socket (freeing the pool slot), and one call's timeout must never abort
 * another's. It bounds the whole call, connecting included, which axios's own `timeout` does
 * not (a socket idle timer, armed once a socket is connected). axios takes any object shaped as
 * its GenericAbortSignal and, in Node, only reads `aborted` and adds and removes its one
 * listener, so this is that and a timer: an AbortController with its EventTarget costs some
 * twenty times as much per call (README, "Performance"). A class, not an object literal: axios
 * merges plain objects in a request's config into copies.
 */
class Deadline implements GenericAbortSignal {
  aborted = false;
  #listener: (() => void) | undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(ms: number) {
    // unref: a call in flight must not keep a stopping gateway alive.
    this.#timer = setTimeout(expire, ms, this).unref();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.#listener = listener;
  }

  removeEventListener(): void {
    this.#listener = undefined;
  }

  clear(): void {
    clearTimeout(this.#timer);
  }

  abort(): void {
    this.aborted = true;
    this.#listener?.();
  }
}

function expire(deadline: Deadline): void {
  deadline.abort();
}

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, baseUrl, agent, observe, maxBodyBytes, caller } = options;
  const timeout = options.timeoutMs;
  const timeoutOf = typeof timeout === 'number' ? () => timeout : timeout;
  // proxy: false, because HTTP_PROXY in a user's shell must never reroute loopback calls.
  // maxContentLength: an upstream gone wrong must not make the gateway download, parse and hold
  // a 50 MB answer (the memory stays, and parsing blocks the event loop past any timeout).
  // maxBodyLength bounds what axios sends; these calls send nothing.
  const http = axios.create({
    baseURL: baseUrl,
    httpAgent: agent,
    proxy: false,
    maxRedirects: 0,
    maxContentLength: maxBodyBytes,
    ...(caller === undefined ? {} : { headers: { [CALLER_HEADER]: caller } }),
  });

  // Timed inside the call, not by a wrapper around it: one async frame per call, not two.
  const seen = (result: UpstreamResult, since: number) =>
    observe?.(name, result, (performance.now() - since) / 1000);

  const getJson = async <T>(path: string, isValid: (body: unknown) => body is T): Promise<T> => {
    const since = performance.now();
    const timeoutMs = timeoutOf();
    const deadline = new Deadline(timeoutMs);
    let body: unknown;
    try {
      body = (await http.get(path, { signal: deadline })).data;
    } catch (err) {
      const error = toUpstreamError(name, err, deadline.aborted, { timeoutMs, maxBodyBytes });
      seen(upstreamResultOf(error), since);
      throw error;
    } finally {
      deadline.clear();
    }
    if (!isValid(body)) {
      seen('bad_body', since);
      throw new UpstreamError(name, 'body', `${name} sent an unexpected body`);
    }
    seen('ok', since);
    return body;
  };

  return { name, getJson };
}
