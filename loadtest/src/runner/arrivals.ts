import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Pool } from 'undici';
import {
  summarizeSchedule,
  type ArrivalRecord,
  type LoadRecording,
  type OpenLoad,
} from '../model/load.js';
import { classifyAnswer, outcomeOfAnswer } from '../model/outcome.js';

/**
 * More arrivals per second than this, per gateway, and this machine (two cores shared by the
 * runner, the gateways and the services) can no longer send them when they are due.
 */
export const MAX_RATE = 2000;

export interface OpenLoadOptions {
  /** The loaded route, e.g. http://127.0.0.1:8080/product-details/1. */
  url: string;
  load: OpenLoad;
  /** How long users keep arriving; 0 until stop() (the live view). */
  durationMs: number;
  /**
   * After the last arrival, how long answers are waited for before the users still waiting
   * are cut off (and counted as timed out). At least the patience, so every outcome that
   * decides "useful or not" is known.
   */
  tailMs: number;
  /** Epoch ms the scenario started: every offset counts from here. */
  t0: number;
  signal?: AbortSignal;
  /** Told of every user as their outcome becomes known (progress lines, the live view). */
  onResult?: (result: ArrivalRecord) => void;
  /** Whether every user is kept for the report (default); the live view keeps none. */
  keepRecords?: boolean;
}

export interface RunningOpenLoad {
  /** Users who have arrived so far (sent or dropped). */
  readonly arrived: number;
  /** Users sent and not answered yet. */
  readonly waiting: number;
  /** Ends the arrivals now (the tail still runs). */
  stop(): void;
  done: Promise<LoadRecording>;
}

/** The offsets users arrive at, after `startMs`: evenly spaced, or a Poisson process. */
export function arrivalTimes(load: OpenLoad, startMs: number): () => number {
  const gapMs = 1000 / load.rate;
  if (load.arrivals === 'uniform') {
    let i = 0;
    return () => startMs + gapMs * i++;
  }
  // Exponential gaps from a seeded generator: the same seed gives the same users every run.
  const rng = xoroshiro128plus(load.seed);
  let at = startMs;
  return () => {
    at += -Math.log(1 - uniformFloat64(rng)) * gapMs;
    return at;
  };
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Users who arrive at a rate whatever the gateway does (an open model): each sends its request
 * when it is due, whether or not earlier ones were answered; latency counts from that moment.
 * At most `socketBudget` requests are in flight; a user who arrives beyond it is dropped and
 * counted, never silently skipped. How late each was actually sent is measured too.
 */
export function startOpenLoad(options: OpenLoadOptions): RunningOpenLoad {
  const { url, load, durationMs, tailMs, t0, signal, onResult } = options;
  const keep = options.keepRecords ?? true;
  const { origin, pathname, search } = new URL(url);
  const path = `${pathname}${search}`;
  const pool = new Pool(origin, { connections: load.socketBudget, pipelining: 1 });
  // Offsets from a monotonic clock anchored to t0: wall-clock steps cannot bend latencies.
  const anchor = performance.now() - (Date.now() - t0);
  const now = () => performance.now() - anchor;

  const records: ArrivalRecord[] = [];
  const lags: number[] = [];
  const startMs = now();
  const endOfArrivals = durationMs > 0 ? startMs + durationMs : Infinity;
  const nextAt = arrivalTimes(load, startMs);
  let next = nextAt();
  let waiting = 0;
  let arrived = 0;
  let cutOff = 0;
  let arriving = true;
  let ending = false;
  let timer: NodeJS.Timeout | undefined;
  const arrivalsEnded = deferred();
  const drained = deferred();
  const endArrivals = () => {
    if (!arriving) return;
    arriving = false;
    if (timer) clearTimeout(timer);
    arrivalsEnded.resolve();
  };
  // The live view runs for hours: it keeps the latest lags only.
  const noteLag = (lag: number) => {
    lags.push(lag);
    if (!keep && lags.length > 10_000) lags.splice(0, 5_000);
  };

  const finish = (result: ArrivalRecord) => {
    if (keep) records.push(result);
    onResult?.(result);
  };

  const send = async (at: number) => {
    waiting += 1;
    let result: ArrivalRecord;
    try {
      const res = await pool.request({
        path,
        method: 'GET',
        headersTimeout: load.clientTimeoutMs,
        bodyTimeout: load.clientTimeoutMs,
      });
      const body = await res.body.text();
      const latencyMs = now() - at;
      const kind = classifyAnswer(res.statusCode, body);
      result = {
        at,
        outcome: outcomeOfAnswer(kind, latencyMs, load.patienceMs),
        latencyMs,
        status: res.statusCode,
      };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      const gaveUp = ending || TIMEOUT_CODES.has(code);
      if (ending) cutOff += 1;
      // A broken connection is an answer of sorts, in time or not.
      const latencyMs = now() - at;
      result = {
        at,
        outcome: gaveUp ? 'timedOut' : latencyMs > load.patienceMs ? 'tooLate' : 'failed',
        latencyMs,
        status: null,
      };
    }
    waiting -= 1;
    finish(result);
    if (!arriving && waiting === 0) drained.resolve();
  };

  const dispatch = () => {
    timer = undefined;
    const current = now();
    while (arriving && next <= current && next < endOfArrivals) {
      noteLag(current - next);
      arrived += 1;
      if (waiting >= load.socketBudget) {
        finish({ at: next, outcome: 'dropped', latencyMs: null, status: null });
      } else void send(next);
      next = nextAt();
    }
    if (next >= endOfArrivals) endArrivals();
    else if (arriving) timer = setTimeout(dispatch, Math.max(0, Math.min(next - now(), 100)));
  };

  const stop = () => endArrivals();
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  else dispatch();

  const done = (async (): Promise<LoadRecording> => {
    await arrivalsEnded.promise;
    const lastArrival = Math.min(now(), endOfArrivals);
    if (waiting === 0) drained.resolve();
    // Answers are waited for up to the tail; the users still waiting then are cut off.
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([
      drained.promise,
      new Promise((resolve) => (wait = setTimeout(resolve, lastArrival + tailMs - now()))),
    ]);
    clearTimeout(wait);
    ending = true;
    await pool.destroy();
    await drained.promise;
    signal?.removeEventListener('abort', stop);
    records.sort((a, b) => a.at - b.at);
    return {
      url,
      load,
      startMs,
      durationMs: lastArrival - startMs,
      endMs: now(),
      arrivals: records,
      schedule: summarizeSchedule(lags),
      cutOff,
    };
  })();

  return {
    get arrived() {
      return arrived;
    },
    get waiting() {
      return waiting;
    },
    stop,
    done,
  };
}
