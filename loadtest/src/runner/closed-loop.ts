import type { AnswerKind } from '@cbd/common';
import autocannon from 'autocannon';
import type { ArrivalRecord, ClosedLoad, LoadRecording } from '../model/load.js';
import { classifyAnswer, outcomeOfAnswer } from '../model/outcome.js';

export interface ClosedLoadOptions {
  url: string;
  load: ClosedLoad;
  /** 0 runs until the signal aborts. */
  durationMs: number;
  t0: number;
  signal?: AbortSignal;
  onResult?: (result: ArrivalRecord) => void;
  /** Whether every request is kept for the report (default); the live view keeps none. */
  keepRecords?: boolean;
}

export interface RunningClosedLoad {
  /** Requests answered or given up so far (each is a user in the closed model). */
  readonly arrived: number;
  /** A closed loop always has every connection waiting, bar the moment between two requests. */
  readonly waiting: number;
  done: Promise<ClosedRecording>;
}

export interface ClosedRecording extends LoadRecording {
  /** autocannon's own result, kept beside the report. */
  raw: autocannon.Result;
}

// autocannon ends the run with setTimeout(duration * 1000): anything past 2^31 - 1 ms (24.8
// days) overflows to 1 ms and would end a "forever" load after its first second.
const FOREVER_S = 2_000_000;

/**
 * A closed loop (autocannon): `connections` users who each send their next request only once
 * the last one was answered. When the gateway stalls, it is sent less: right for measuring
 * capacity, wrong for counting users, which is why the scenarios default to the open model.
 * Each request is recorded as a user who arrived when it was sent.
 */
export function startClosedLoad(options: ClosedLoadOptions): RunningClosedLoad {
  const { url, load, durationMs, t0, signal, onResult } = options;
  const keep = options.keepRecords ?? true;
  const records: ArrivalRecord[] = [];
  const startMs = Date.now() - t0;
  // autocannon calls a request's onResponse just before it emits 'response' for the same
  // response, synchronously: the kind decided here is the one that event records.
  let lastKind: AnswerKind = 'failed';
  let arrived = 0;
  const record = (result: ArrivalRecord) => {
    arrived += 1;
    if (keep) records.push(result);
    onResult?.(result);
  };

  const done = new Promise<ClosedRecording>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: load.connections,
        duration: durationMs > 0 ? durationMs / 1000 : FOREVER_S,
        timeout: load.clientTimeoutMs / 1000,
        requests: [
          {
            method: 'GET',
            onResponse: (status: number, body: string) => {
              lastKind = classifyAnswer(status, body);
            },
          },
        ],
      },
      (err, raw) => {
        signal?.removeEventListener('abort', stop);
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const endMs = Date.now() - t0;
        records.sort((a, b) => a.at - b.at);
        resolve({
          url,
          load,
          startMs,
          durationMs: endMs - startMs,
          endMs,
          arrivals: records,
          schedule: null,
          cutOff: 0,
          raw,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, latencyMs) => {
      const at = Date.now() - t0 - latencyMs;
      record({
        at,
        outcome: outcomeOfAnswer(lastKind, latencyMs, load.patienceMs),
        latencyMs,
        status,
      });
    });
    instance.on('reqError', (error: Error) => {
      const timedOut = error.message === 'request timed out';
      const waited = timedOut ? load.clientTimeoutMs : 0;
      record({
        at: Date.now() - t0 - waited,
        outcome: timedOut ? 'timedOut' : 'failed',
        latencyMs: waited,
        status: null,
      });
    });
    const stop = () => instance.stop();
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  return {
    get arrived() {
      return arrived;
    },
    waiting: load.connections,
    done,
  };
}
