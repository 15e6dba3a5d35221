import { setTimeout as sleep } from 'node:timers/promises';
import { toMb } from '../bench/proc-stats.js';
import { startCircuitPoll } from '../runner/circuit-poll.js';
import { resetBreaker, setFailureMode } from '../runner/control.js';
import { startLoad, type LoadRecording } from '../runner/run-load.js';
import { LOAD_PATH } from '../scenarios/targets.js';
import { flapSchedule } from './flaps.js';
import { settledSample, watchPeaks, type ProcessSample } from './process-watch.js';
import type { SoakLoad, SoakProcess, SoakReport, SoakSettings, Stretch } from './schema.js';

export interface SoakPlan {
  v2Url: string;
  recommendationsUrl: string;
  /** gateway-v2's process: its open files and RSS are read before and after. */
  pid: number;
  settings: SoakSettings;
  signal?: AbortSignal;
  /** Told when the dependency switches to the next stretch's mode. */
  onStretch?: (stretch: Stretch, index: number, total: number) => void;
}

export type SoakRecording = Pick<SoakReport, 'stretches' | 'load' | 'circuit' | 'process'>;

function processFacts(
  start: ProcessSample,
  end: ProcessSample,
  peak: { fds: number | null; rssMb: number | null },
): SoakProcess {
  const fds =
    start.fds !== null && end.fds !== null
      ? { start: start.fds, end: end.fds, peak: Math.max(peak.fds ?? 0, start.fds, end.fds) }
      : null;
  const startMb = toMb(start.rssBytes);
  const endMb = toMb(end.rssBytes);
  const rssMb =
    startMb !== null && endMb !== null
      ? { start: startMb, end: endMb, peak: Math.max(peak.rssMb ?? 0, startMb, endMb) }
      : null;
  return { fds, rssMb };
}

function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** What the recorder and autocannon each counted: the classification check compares them. */
function loadFacts(recording: LoadRecording): SoakLoad {
  const { recorder, raw } = recording;
  const responses = Object.values(recorder.statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    outcomes: { ...recorder.outcomes },
    statusCodes: { ...recorder.statusCodes },
    responses,
    timeouts: recorder.timeouts,
    errors: recorder.errors,
    raw: {
      responses: raw['1xx'] + raw['2xx'] + raw['3xx'] + raw['4xx'] + raw['5xx'],
      timeouts: raw.timeouts,
      errors: raw.errors - raw.timeouts,
    },
  };
}

/** gateway-v2 under steady load while recommendations flap; what it did, and what it kept open. */
export async function runSoak(plan: SoakPlan): Promise<SoakRecording> {
  const { v2Url, recommendationsUrl, pid, settings, onStretch } = plan;
  const stop = new AbortController();
  const signal = plan.signal ? AbortSignal.any([plan.signal, stop.signal]) : stop.signal;
  const load = (durationMs: number, t0: number) =>
    startLoad({
      url: `${v2Url}${LOAD_PATH}`,
      connections: settings.connections,
      durationMs,
      clientTimeoutMs: 10_000,
      t0,
      signal,
    });
  await setFailureMode(recommendationsUrl, 'healthy');
  await resetBreaker(v2Url);
  // The warm-up grows the heap and the connection pools to their working size first.
  await load(settings.warmupMs, Date.now()).done;
  const start = await settledSample(pid, signal);

  const t0 = Date.now();
  const peaks = watchPeaks(pid);
  const poll = startCircuitPoll({ url: `${v2Url}/circuit-status`, intervalMs: 100, t0 });
  const running = load(settings.durationMs, t0);
  const stretches: Stretch[] = [];
  const schedule = flapSchedule(settings.durationMs, settings.stretchMs);
  let failure: Error | undefined;
  try {
    for (const [index, planned] of schedule.entries()) {
      await sleep(Math.max(0, t0 + planned.startMs - Date.now()), undefined, { signal });
      const startMs = Date.now() - t0;
      await setFailureMode(recommendationsUrl, planned.mode, { errorRate: 0.5 });
      const previous = stretches.at(-1);
      if (previous) previous.endMs = startMs;
      stretches.push({ mode: planned.mode, startMs, endMs: settings.durationMs });
      onStretch?.(planned, index, schedule.length);
    }
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    stop.abort(); // A failed switch (or Ctrl-C) ends the load too.
  }
  // The last switch comes one stretch before the load ends: the poll and the watch keep going
  // until the load is over, so the last stretch is seen too. Whatever happened, all end here.
  const [loaded] = await Promise.allSettled([running.done]);
  const [circuit, peak] = await Promise.allSettled([poll.stop(), peaks.stop()]);
  if (failure !== undefined) throw failure;
  const recording = valueOf(loaded);
  const { samples, transitions } = valueOf(circuit);
  await setFailureMode(recommendationsUrl, 'healthy');
  const end = await settledSample(pid, signal);
  return {
    stretches,
    load: loadFacts(recording),
    circuit: { samples, transitions },
    process: processFacts(start, end, valueOf(peak)),
  };
}
