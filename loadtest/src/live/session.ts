import {
  GATEWAY_SERVICE,
  GATEWAYS,
  LOAD_PATH,
  PROBE_PATH,
  type GatewayId,
} from '../model/gateways.js';
import type { ArrivalRecord, LoadSpec } from '../model/load.js';
import { emptyCounts, usefulOf, type OutcomeCounts } from '../model/outcome.js';
import { percentile, round } from '../model/stats.js';
import { startLoad } from '../runner/load.js';
import type { Targets } from '../runner/control.js';
import { startSecondClock } from '../scenarios/progress.js';
import { scenarioSettings } from '../scenarios/settings.js';
import { startHealthProbe, type RunningHealthProbe } from './probes.js';
import { startStatusPoll, type PolledStatus } from './status-poll.js';
import type {
  LiveGatewaySecond,
  LiveEvent,
  LiveFeed,
  LiveSecond,
  LiveSnapshot,
  LiveStatus,
} from './types.js';

export interface LiveSessionOptions {
  targets: Targets;
  /**
   * How users are sent to each gateway; by default as in the demo's scenarios: users arriving
   * at DEFAULT_RATE per second (the timeline's load, without --quick).
   */
  load?: LoadSpec | null;
  /** How often the breaker, the pool and the dependency are read (default: the timeline's). */
  statusPollMs?: number;
  /** How often each gateway's /products/1 is probed (default: the timeline's). */
  probeIntervalMs?: number;
  /** Seconds of history kept and sent to a page that connects (default 60). */
  windowSeconds?: number;
}

export interface LiveSession extends LiveFeed {
  /** Rejects if a load fails (it never ends on its own). */
  readonly failed: Promise<never>;
  /** Stops the load, the probes and the polling; resolves once nothing is left running. */
  stop(): Promise<void>;
}

/** The users of one gateway's current seconds, by the second their outcome became known. */
interface Tally {
  outcomes: OutcomeCounts;
  latencies: number[];
}

/** The live view's users, probes and reads by default: those of the full timeline. */
const LIVE_DEFAULTS = scenarioSettings({ quick: false, model: 'open' });
export const defaultLiveLoad = (): LoadSpec => LIVE_DEFAULTS.load.timeline;

/** Users on both gateways until stopped, watched second by second, the services read beside them. */
export function startLiveSession(options: LiveSessionOptions): LiveSession {
  const { targets } = options;
  // null: no users, only the probes and the reads (the tour sends its own calls).
  const load = options.load === undefined ? defaultLiveLoad() : options.load;
  const { patienceMs, clientTimeoutMs } = load ?? defaultLiveLoad();
  const windowSeconds = options.windowSeconds ?? 60;
  const t0 = Date.now();
  const stopLoad = new AbortController();
  const listeners = new Set<(event: LiveEvent) => void>();
  const emit = (event: LiveEvent) => listeners.forEach((listener) => listener(event));
  const history: LiveSecond[] = [];
  const url = (g: GatewayId) => targets[GATEWAY_SERVICE[g]];
  const secondOf = () => Math.floor((Date.now() - t0) / 1000);

  const tallies = Object.fromEntries(GATEWAYS.map((g) => [g, new Map<number, Tally>()])) as Record<
    GatewayId,
    Map<number, Tally>
  >;
  const record = (g: GatewayId) => (result: ArrivalRecord) => {
    const t = secondOf();
    const tally = tallies[g].get(t) ?? { outcomes: emptyCounts(), latencies: [] };
    tally.outcomes[result.outcome] += 1;
    if (result.latencyMs !== null) tally.latencies.push(result.latencyMs);
    tallies[g].set(t, tally);
  };

  const start = (g: GatewayId) => {
    const common = {
      url: `${url(g)}${LOAD_PATH}`,
      durationMs: 0,
      t0,
      signal: stopLoad.signal,
      onResult: record(g),
      keepRecords: false,
    };
    // Stopping a live session cuts off the users still waiting at once: nobody reads them.
    if (!load) return null;
    return startLoad({ ...common, load, tailMs: 0 });
  };
  const loads = { v1: start('v1'), v2: start('v2') };
  const arrivedAt = (g: GatewayId) => loads[g]?.arrived ?? 0;
  const waitingAt = (g: GatewayId) => loads[g]?.waiting ?? 0;
  const probes = Object.fromEntries(
    GATEWAYS.map((g) => [
      g,
      startHealthProbe({
        url: `${url(g)}${PROBE_PATH}`,
        intervalMs: options.probeIntervalMs ?? LIVE_DEFAULTS.probeIntervalMs,
        timeoutMs: clientTimeoutMs,
        patienceMs,
        t0,
      }),
    ]),
  ) as Record<GatewayId, RunningHealthProbe>;

  let polled: PolledStatus = {
    readAt: new Date(t0).toISOString(),
    circuit: null,
    breakerConfig: null,
    failure: null,
    pool: null,
    dependency: null,
  };
  const status = (): LiveStatus => ({
    ...polled,
    users: Object.fromEntries(
      GATEWAYS.map((g) => [g, { waiting: waitingAt(g), probe: probes[g].now() }]),
    ) as LiveStatus['users'],
  });
  const poll = startStatusPoll({
    targets,
    intervalMs: options.statusPollMs ?? LIVE_DEFAULTS.pollMs,
    onStatus: (next) => {
      polled = next;
      emit({ type: 'status', status: status() });
    },
  });

  const arrivedBefore: Record<GatewayId, number> = { v1: 0, v2: 0 };
  const gatewaySecond = (g: GatewayId, t: number): LiveGatewaySecond => {
    const tally = tallies[g].get(t) ?? { outcomes: emptyCounts(), latencies: [] };
    for (const key of tallies[g].keys()) if (key <= t) tallies[g].delete(key);
    const arrived = arrivedAt(g) - arrivedBefore[g];
    arrivedBefore[g] = arrivedAt(g);
    const sorted = Float64Array.from(tally.latencies).sort();
    return {
      arrived,
      outcomes: tally.outcomes,
      answeredInTime: usefulOf(tally.outcomes),
      p50: sorted.length ? round(percentile(sorted, 50)) : null,
      p99: sorted.length ? round(percentile(sorted, 99)) : null,
      waiting: waitingAt(g),
      probes: probes[g].takeSecond(t),
    };
  };

  const stopClock = startSecondClock(t0, (t) => {
    const { circuit, pool, dependency, failure } = polled;
    const second: LiveSecond = {
      t,
      gateways: { v1: gatewaySecond('v1', t), v2: gatewaySecond('v2', t) },
      mode: failure?.mode ?? null,
      circuit: circuit?.state ?? null,
      pool: pool ? { size: pool.size, active: pool.active, waiting: pool.waiting } : null,
      dependency: dependency
        ? { v1: dependency.gateways.v1.perSecond, v2: dependency.gateways.v2.perSecond }
        : null,
    };
    history.push(second);
    if (history.length > windowSeconds) history.shift();
    emit({ type: 'second', second });
  });

  const ended = Promise.all([loads.v1?.done, loads.v2?.done]);
  const failed = ended.then(
    () => new Promise<never>(() => undefined),
    (err: unknown) => Promise.reject(err instanceof Error ? err : new Error(String(err))),
  );
  failed.catch(() => undefined);

  return {
    failed,
    snapshot: (): LiveSnapshot => ({
      windowSeconds,
      load,
      patienceMs,
      seconds: [...history],
      status: status(),
    }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => poll.refresh(),
    async stop() {
      stopLoad.abort();
      stopClock();
      listeners.clear();
      await Promise.allSettled([ended, poll.stop(), ...GATEWAYS.map((g) => probes[g].stop())]);
    },
  };
}
