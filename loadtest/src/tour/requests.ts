import { ADMIN_TOKEN_HEADER } from '@cbd/common';
import { Agent, request } from 'undici';
import { requestHeaders, type Targets } from '../runner/control.js';
import { timeLimit } from '../runner/time-limit.js';

/** One HTTP call of a step: shown as the curl a student types, and sent for real. */
export interface TourRequest {
  method?: 'GET' | 'POST';
  service: keyof Targets;
  path: string;
  /** Sent as JSON; admin POSTs without one still say they are JSON, as the routes require. */
  body?: unknown;
  /** Prefixes the curl line with `time`, where how long it takes is the point. */
  time?: boolean;
  /** curl's --max-time: printed, and the tour's own limit for the call. */
  maxTimeMs?: number;
}

/** What came back: the status and the parsed body, or why nothing came. */
export interface Answer {
  /** Null when no answer came (timed out, connection dropped). */
  status: number | null;
  ms: number;
  /** The parsed JSON (the raw text if it was not JSON); undefined without an answer. */
  body: unknown;
  /** Without an answer: what happened instead. */
  error?: string;
}

export interface CurlShape {
  /** `for i in {1..n}; do ...; done`: the answers one per line. */
  loop?: number;
  /** `for i in {1..n}; do ... & done`: sent at once, answers not shown. */
  background?: number;
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The curl command line for a request, exactly as the tour sends it, but for the token: it
 * prints `$ADMIN_TOKEN`, so the line works in a shell where the variable is exported and the
 * token itself stays off the screen.
 */
export function curlLine(
  req: TourRequest,
  targets: Targets,
  token: string | undefined,
  shape: CurlShape = {},
): string {
  const method = req.method ?? 'GET';
  const parts = ['curl -s'];
  if (shape.background) parts.push('-o /dev/null');
  else if (shape.loop) parts.push(`-w ${quote(' %{http_code} %{time_total}s\\n')}`);
  if (req.maxTimeMs !== undefined) parts.push(`--max-time ${Math.ceil(req.maxTimeMs / 1000)}`);
  if (method === 'POST') parts.push('-X POST');
  parts.push(`${targets[req.service]}${req.path}`);
  for (const [name, value] of Object.entries(requestHeaders(method, token))) {
    parts.push(
      name === ADMIN_TOKEN_HEADER
        ? `-H "${ADMIN_TOKEN_HEADER}: Bearer $ADMIN_TOKEN"`
        : `-H ${quote(`${name}: ${value}`)}`,
    );
  }
  if (req.body !== undefined) parts.push(`-d ${quote(JSON.stringify(req.body))}`);
  const curl = `${req.time ? 'time ' : ''}${parts.join(' ')}`;
  if (shape.background) return `for i in {1..${shape.background}}; do ${curl} & done`;
  if (shape.loop) return `for i in {1..${shape.loop}}; do ${curl}; done`;
  return curl;
}

/** The tour's own client: one agent for all its calls, closed when the tour ends. */
export class TourHttp {
  readonly #agent = new Agent({ pipelining: 1 });

  constructor(
    private readonly targets: Targets,
    private readonly token: string | undefined,
    /** The limit of a call that sets no --max-time: longer than anything the stack does. */
    private readonly defaultMaxMs: number,
  ) {}

  async send(req: TourRequest, signal: AbortSignal): Promise<Answer> {
    const method = req.method ?? 'GET';
    const limit = req.maxTimeMs ?? this.defaultMaxMs;
    const started = performance.now();
    const ms = () => performance.now() - started;
    const call = timeLimit(limit, signal);
    try {
      const res = await request(`${this.targets[req.service]}${req.path}`, {
        method,
        dispatcher: this.#agent,
        headers: requestHeaders(method, this.token),
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        signal: call.signal,
      });
      const text = await res.body.text();
      return { status: res.statusCode, ms: ms(), body: parse(text) };
    } catch (err) {
      signal.throwIfAborted();
      return {
        status: null,
        ms: ms(),
        body: undefined,
        error: call.signal.aborted ? 'timed out' : `no answer (${(err as Error).message})`,
      };
    } finally {
      call.clear();
    }
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
