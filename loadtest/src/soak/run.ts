import { LOAD_PATH } from '../model/gateways.js';
import { emptyCounts } from '../model/outcome.js';
import type { ClosedRecording } from '../runner/closed-loop.js';
import { startClosedLoad } from '../runner/closed-loop.js';
import type { Control, StackSettings } from '../runner/control.js';
import {
  readOpenFds,
  readRss,
  samplePeaks,
  settledSample,
  toMb,
  type ProcessSample,
} from '../runner/process-stats.js';
import { waitUntil } from '../runner/time-limit.js';
import { watchCircuit } from '../runner/watch.js';
import type { SoakLoad, SoakProcess, SoakReport, SoakSettings, Stretch } from './schema.js';

/** Healthy between every failure, so each failure opens a closed circuit and each heal closes it. */
const CYCLE: Stretch['mode'][] = ['healthy', 'hang', 'healthy', 'error', 'healthy', 'partial'];

/** The dependency's modes over the soak: a new one every stretchMs, the last cut at durationMs. */
export function flapSchedule(durationMs: number, stretchMs: number): Stretch[] {
  const stretches: Stretch[] = [];
  for (let start = 0, i = 0; start < durationMs; start += stretchMs, i += 1) {
    const mode = CYCLE[i % CYCLE.length]!;
    stretches.push({ mode, startMs: start, endMs: Math.min(durationMs, start + stretchMs) });
  }
  return stretches;
}

/**
 * 60 s flapping every 3 s (--quick: 12 s, every 2 s: one whole cycle), 20 connections in a
 * closed loop: the soak wants sustained load, and autocannon's own counts to check against.
 * Stretches outlast the breaker's timeout and reset timeout (the demo's --quick ones), so a
 * healthy stretch is long enough for the circuit to probe and close. The warm-up is 3 s in both:
 * after 1 s the heap is still some 50 MB below its working size, and the memory check would read
 * that growth as a leak.
 */
export function soakSettings(
  quick: boolean,
  services: StackSettings,
  overrides: { durationMs?: number; connections?: number } = {},
): SoakSettings {
  return {
    connections: overrides.connections ?? 20,
    durationMs: overrides.durationMs ?? (quick ? 12_000 : 60_000),
    stretchMs: quick ? 2000 : 3000,
    warmupMs: 3000,
    services,
  };
}

export interface SoakPlan {
  v2Url: string;
  control: Control;
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
  peak: { fds?: number; rss?: number },
): SoakProcess {
  const fds =
    start.fds !== null && end.fds !== null
      ? { start: start.fds, end: end.fds, peak: Math.max(peak.fds ?? 0, start.fds, end.fds) }
      : null;
  const [startMb, endMb, peakMb] = [toMb(start.rssBytes), toMb(end.rssBytes), toMb(peak.rss)];
  const rssMb =
    startMb !== null && endMb !== null
      ? { start: startMb, end: endMb, peak: Math.max(peakMb ?? 0, startMb, endMb) }
      : null;
  return { fds, rssMb };
}

/** What the runner and autocannon each counted: the classification check compares them. */
function loadFacts(recording: ClosedRecording): SoakLoad {
  const { arrivals, raw } = recording;
  const outcomes = emptyCounts();
  const statusCodes: Record<string, number> = {};
  let timeouts = 0;
  let errors = 0;
  for (const a of arrivals) {
    outcomes[a.outcome] += 1;
    if (a.status !== null) statusCodes[a.status] = (statusCodes[a.status] ?? 0) + 1;
    else if (a.outcome === 'timedOut') timeouts += 1;
    else errors += 1;
  }
  return {
    outcomes,
    statusCodes,
    answers: arrivals.length - timeouts - errors,
    timeouts,
    errors,
    raw: {
      answers: raw['1xx'] + raw['2xx'] + raw['3xx'] + raw['4xx'] + raw['5xx'],
      timeouts: raw.timeouts,
      errors: raw.errors - raw.timeouts,
    },
  };
}

/** gateway-v2 under steady load while recommendations flap; what it did, and what it kept open. */
export async function runSoak(plan: SoakPlan): Promise<SoakRecording> {
  const { v2Url, control, pid, settings, onStretch } = plan;
  const stop = new AbortController();
  const signal = plan.signal ? AbortSignal.any([plan.signal, stop.signal]) : stop.signal;
  const load = (durationMs: number, t0: number) =>
    startClosedLoad({
      url: `${v2Url}${LOAD_PATH}`,
      load: {
        model: 'closed',
        connections: settings.connections,
        patienceMs: 10_000,
        clientTimeoutMs: 10_000,
      },
      durationMs,
      t0,
      signal,
    });
  await control.setFailure({ mode: 'healthy' });
  await control.resetBreaker();
  // The warm-up grows the heap and the connection pools to their working size first.
  await load(settings.warmupMs, Date.now()).done;
  const start = await settledSample(pid, signal);

  const t0 = Date.now();
  const peaks = samplePeaks(async () => ({ fds: await readOpenFds(pid), rss: await readRss(pid) }));
  const circuit = watchCircuit(v2Url, 100, t0);
  const running = load(settings.durationMs, t0);
  const stretches: Stretch[] = [];
  const schedule = flapSchedule(settings.durationMs, settings.stretchMs);
  let failure: Error | undefined;
  try {
    for (const [index, planned] of schedule.entries()) {
      await waitUntil(t0 + planned.startMs, signal);
      const startMs = Date.now() - t0;
      await control.setFailure({ mode: planned.mode, errorRate: 0.5 });
      const previous = stretches.at(-1);
      if (previous) previous.endMs = startMs;
      stretches.push({ mode: planned.mode, startMs, endMs: settings.durationMs });
      onStretch?.(planned, index, schedule.length);
    }
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    stop.abort(); // A failed switch (or Ctrl-C) ends the load too.
  }
  // The last switch comes one stretch before the load ends: the watches keep going until the
  // load is over, so the last stretch is seen too. Whatever happened, all end here.
  const [loaded] = await Promise.allSettled([running.done]);
  const [record, peak] = await Promise.all([circuit.stop(), peaks.stop()]);
  if (failure !== undefined) throw failure;
  if (loaded.status === 'rejected') throw loaded.reason;
  await control.setFailure({ mode: 'healthy' });
  const end = await settledSample(pid, signal);
  return {
    stretches,
    load: loadFacts(loaded.value),
    circuit: { samples: record.samples, transitions: record.transitions },
    process: processFacts(start, end, peak),
  };
}
