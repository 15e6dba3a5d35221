import autocannon from 'autocannon';
import type { Outcome } from '../report/schema.js';
import { classify } from './classify.js';
import { OutcomeRecorder } from './recorder.js';

export interface LoadOptions {
  url: string;
  connections: number;
  /** 0 runs until the signal aborts (the live dashboard). */
  durationMs: number;
  /** Longer than the hang, so a 30 s answer is measured instead of being cut off; at least 1000. */
  clientTimeoutMs: number;
  /** Epoch ms the scenario started: samples are bucketed from here. */
  t0: number;
  signal?: AbortSignal;
  /**
   * Whether every latency is kept for the report's percentiles (the default). A load with no
   * end (the live dashboard) passes false: it reads per-second samples only.
   */
  keepLatencies?: boolean;
  /** Told of each response as it is recorded (the bench times them by when they were sent). */
  onResponse?: (response: ResponseEvent) => void;
}

export interface ResponseEvent {
  /** Epoch ms the response completed. */
  at: number;
  status: number;
  outcome: Outcome;
  latencyMs: number;
}

export interface RunningLoad {
  /** Filled while the load runs (the progress lines and the live dashboard read it). */
  recorder: OutcomeRecorder;
  done: Promise<LoadRecording>;
}

export interface LoadRecording {
  recorder: OutcomeRecorder;
  startMs: number;
  durationMs: number;
  /** autocannon's own result, kept beside the report (results_v1.json, results_v2.json). */
  raw: autocannon.Result;
  aborted: boolean;
}

// autocannon ends the run with setTimeout(duration * 1000): anything past 2^31 - 1 ms (24.8
// days) overflows to 1 ms and would end a "forever" load after its first second.
const FOREVER_S = 2_000_000;

/** Loads one URL with autocannon and classifies every response from its status and body. */
export function startLoad(options: LoadOptions): RunningLoad {
  const { url, connections, durationMs, clientTimeoutMs, t0, signal, keepLatencies } = options;
  const recorder = new OutcomeRecorder(t0, { keepLatencies: keepLatencies ?? true });
  const startedAt = Date.now();
  // autocannon calls a request's onResponse just before it emits 'response' for the same
  // response, synchronously: the outcome decided here is the one that event records.
  let lastOutcome: Outcome = 'failed';

  const done = new Promise<LoadRecording>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: durationMs > 0 ? durationMs / 1000 : FOREVER_S,
        timeout: clientTimeoutMs / 1000,
        requests: [
          {
            method: 'GET',
            onResponse: (status: number, body: string) => {
              lastOutcome = classify(status, body);
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
        const ended = Date.now();
        resolve({
          recorder,
          startMs: startedAt - t0,
          durationMs: ended - startedAt,
          raw,
          aborted: signal?.aborted ?? false,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      const at = Date.now();
      recorder.response(at, statusCode, lastOutcome, responseTime);
      options.onResponse?.({
        at,
        status: statusCode,
        outcome: lastOutcome,
        latencyMs: responseTime,
      });
    });
    instance.on('reqError', (error: Error) => {
      if (error.message === 'request timed out') recorder.timeout(Date.now());
      else recorder.error(Date.now());
    });
    const stop = () => instance.stop();
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  return { recorder, done };
}
