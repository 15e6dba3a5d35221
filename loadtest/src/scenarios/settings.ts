import { z } from 'zod';
import { loadSpecSchema, type ClosedLoad, type LoadSpec, type OpenLoad } from '../model/load.js';
import { MAX_RATE } from '../runner/arrivals.js';

/** The scenarios that put gateway-v1 and gateway-v2 side by side under the same users. */
export const GATEWAY_SCENARIOS = ['outage', 'timeline', 'partial'] as const;
export type GatewayScenario = (typeof GATEWAY_SCENARIOS)[number];
/** Every scenario; the ladder runs each rung of protections side by side. */
export const SCENARIOS = [...GATEWAY_SCENARIOS, 'layers'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
/** What `pnpm demo` runs unless told otherwise: the rest are run on request (--scenario). */
export const DEFAULT_SCENARIOS = ['outage', 'timeline'] as const satisfies ScenarioName[];

/** What a user chose on the command line; everything left out takes the scenario's default. */
export interface LoadChoice {
  quick: boolean;
  /** `open` (users arrive at a rate, the default) or `closed` (connections that wait). */
  model: 'open' | 'closed';
  /** Users per second per gateway (open). */
  rate?: number;
  /** Connections per gateway (closed). */
  connections?: number;
  /** outage: per gateway; timeline: in all (split 1:2:4). */
  durationMs?: number;
  arrivals?: OpenLoad['arrivals'];
  patienceMs?: number;
}

const ms = z.number().min(0);
const count = z.int().min(0);
const share = z.number().min(0).max(1);

/** A run's settings, as `scenarioSettings` derives them from the user's choice. */
export const scenarioSettingsSchema = z.strictObject({
  quick: z.boolean(),
  /** The load each gateway is put under, in every scenario. */
  load: z.record(z.enum(SCENARIOS), loadSpecSchema),
  /** After the last arrival: answers are waited for this long, then the rest are cut off. */
  tailMs: ms,
  outage: z.strictObject({ durationMs: ms }),
  timeline: z.strictObject({ healthyMs: ms, hangMs: ms, recoveryMs: ms }),
  /** Every rung of the ladder under the same users: healthy, hang, healthy. */
  layers: z.strictObject({
    /**
     * Before the users who count: every rung under the same users this long, then every
     * breaker closed, so fifteen freshly started processes are measured warm.
     */
    warmupMs: ms,
    healthyMs: ms,
    hangMs: ms,
    recoveryMs: ms,
    /** Each rung's recommendations-service: calls served at once, and how long each takes. */
    capacity: count,
    workMs: ms,
    /** How many more times the retrying rung tries a failed call. */
    retries: count,
  }),
  /** Both gateways under the same users while a share of recommendations calls fail, per share. */
  partial: z.strictObject({ errorRates: z.array(share), stretchMs: ms }),
  probeIntervalMs: ms,
  /** How often the gateways' /circuit-status and /pool-status are read. */
  pollMs: ms,
});
export type ScenarioSettings = z.infer<typeof scenarioSettingsSchema>;

/**
 * 100 users per second per gateway: gateway-v1's pool of 50 places is full half a second into
 * a hang (each user holds a place for the 30 s hang), so its healthy route starves within a
 * second, while the runner, both gateways and both services together use well under one of two
 * cores (a whole `pnpm demo`, every process counted, took 57 s of CPU in its 153 s on a 2-core
 * VM), so no figure is bent by a busy CPU.
 */
export const DEFAULT_RATE = 100;
/**
 * The ladder's seven rungs run side by side, each with its own gateway and recommendations-service
 * on the same two cores: 40 users per second per rung still fills gateway-v1's pool of 50 within
 * two seconds of the hang. At 50, fifteen processes kept both cores busy and the runner fell
 * behind its schedule (p99 lateness 240-700 ms, users sent in bunches). With --quick, 25: once
 * the patience is 0.5 s, the processes fall behind when the hung calls end even at 40 (measured
 * with thirteen: the runner's p99 lateness was 370 ms at 50, and every rung failed its users for
 * two seconds); at 25 they keep up.
 */
export const LAYERS_RATE = { full: 40, quick: 25 };
/** An answer after this helped nobody: counted as too late. */
export const DEFAULT_PATIENCE_MS = 5000;
/** Longer than the hang, so a 30 s answer is measured instead of cut off (curl --max-time 35). */
export const CLIENT_TIMEOUT_MS = 35_000;
/**
 * --load closed: per gateway, the connections a closed loop keeps. The outage's 100 fill
 * gateway-v1's pool of 50 twice over; the others stay below the pool, where a closed loop
 * looks healthiest, which is what --load closed is there to show.
 */
export const CLOSED_CONNECTIONS: Record<ScenarioName, number> = {
  outage: 100,
  timeline: 20,
  layers: 10,
  partial: 20,
};
const SEED = 20_260_301;

/** Every duration, the hang and the patience are ~10× shorter with --quick. */
export const quickScale = (quick: boolean) => (quick ? 10 : 1);

function loadFor(choice: LoadChoice, scenario: ScenarioName): LoadSpec {
  const scale = quickScale(choice.quick);
  const patienceMs = choice.patienceMs ?? DEFAULT_PATIENCE_MS / scale;
  const clientTimeoutMs = CLIENT_TIMEOUT_MS / scale;
  if (choice.model === 'closed') {
    const closed: ClosedLoad = {
      model: 'closed',
      connections: choice.connections ?? CLOSED_CONNECTIONS[scenario],
      patienceMs,
      clientTimeoutMs,
    };
    return closed;
  }
  const rate = Math.min(
    choice.rate ??
      (scenario === 'layers' ? LAYERS_RATE[choice.quick ? 'quick' : 'full'] : DEFAULT_RATE),
    MAX_RATE,
  );
  return {
    model: 'open',
    rate,
    arrivals: choice.arrivals ?? 'poisson',
    seed: SEED,
    socketBudget: socketBudgetFor(rate, clientTimeoutMs),
    patienceMs,
    clientTimeoutMs,
  };
}

/**
 * Room for every user to wait the whole client timeout: none is dropped unless the rate was
 * raised past what the machine's file descriptors allow.
 */
const socketBudgetFor = (rate: number, clientTimeoutMs: number) =>
  Math.ceil(rate * (clientTimeoutMs / 1000) * 1.25);

/** The same users, each waiting at least `clientTimeoutMs` for an answer. */
export function waitingAtLeast(load: LoadSpec, clientTimeoutMs: number): LoadSpec {
  const wait = Math.max(load.clientTimeoutMs, clientTimeoutMs);
  return load.model === 'open'
    ? { ...load, clientTimeoutMs: wait, socketBudget: socketBudgetFor(load.rate, wait) }
    : { ...load, clientTimeoutMs: wait };
}

/** The shares of recommendations calls the partial failure fails, one stretch each. */
export const PARTIAL_ERROR_RATES = [0.1, 0.3, 0.5, 0.7] as const;

/** "10, 30, 50 and 70 %", as the titles and usage say them. */
export const PARTIAL_RATES_TEXT = (() => {
  const percents = PARTIAL_ERROR_RATES.map((r) => String(Math.round(r * 100)));
  return `${percents.slice(0, -1).join(', ')} and ${percents.at(-1)} %`;
})();

/**
 * outage: 35 s per gateway, so gateway-v1's 30 s answers come within the run; timeline: 10 s
 * healthy, 20 s hang, 40 s healthy again, so gateway-v1's backlog is seen outliving the hang.
 */
export function scenarioSettings(choice: LoadChoice): ScenarioSettings {
  const scale = quickScale(choice.quick);
  const timelineMs = choice.durationMs ?? 70_000 / scale;
  const unit = timelineMs / 7;
  const patience = loadFor(choice, 'outage').patienceMs;
  return {
    quick: choice.quick,
    load: {
      outage: loadFor(choice, 'outage'),
      timeline: loadFor(choice, 'timeline'),
      layers: loadFor(choice, 'layers'),
      partial: loadFor(choice, 'partial'),
    },
    tailMs: patience + 1000 / scale,
    outage: { durationMs: choice.durationMs ?? 35_000 / scale },
    timeline: {
      healthyMs: Math.round(unit),
      hangMs: Math.round(2 * unit),
      recoveryMs: Math.round(4 * unit),
    },
    layers: {
      // Not shorter with --quick: fifteen cold processes need it whatever the run's length.
      warmupMs: 3000,
      healthyMs: 10_000 / scale,
      hangMs: 20_000 / scale,
      // --quick: 8 s, room for "served in time again" (three good seconds in a row) to be seen.
      recoveryMs: choice.quick ? 8000 : 40_000,
      ...layersCapacity(choice.quick),
      retries: 2,
    },
    partial: {
      errorRates: [...PARTIAL_ERROR_RATES],
      stretchMs: choice.durationMs ?? 10_000 / scale,
    },
    probeIntervalMs: choice.quick ? 100 : 500,
    pollMs: choice.quick ? 100 : 250,
  };
}

/**
 * Each rung's recommendations-service in the ladder serves 2 calls at once, 25 ms each: 80
 * calls a second, twice the 40 users a second a rung sends it, and below the 120 a second a
 * rung that tries every call three times can send, so retried load can keep it overloaded.
 * With --quick, 25 users and 40 ms: the same ratios.
 */
export const layersCapacity = (quick: boolean) => ({ capacity: 2, workMs: quick ? 40 : 25 });

/** Each scenario's name in a heading: the short one, and the one that says what it does. */
export const SCENARIO_TITLES: Record<ScenarioName, { short: string; long: string }> = {
  outage: { short: 'Outage', long: 'Outage: recommendations hang, each gateway loaded in turn' },
  timeline: {
    short: 'Timeline',
    long: 'Timeline: healthy → hang → healthy, both gateways at once',
  },
  partial: {
    short: 'Partial failure',
    long: `Partial failure: recommendations fail ${PARTIAL_RATES_TEXT} of calls, both gateways at once`,
  },
  layers: {
    short: 'Layers',
    long: 'Layers: what each protection buys, one rung at a time, healthy → hang → healthy',
  },
};

export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  outage:
    'Recommendations hang from the start. gateway-v1, then gateway-v2, each under the same users, one after the other.',
  timeline:
    'Both gateways under the same users at once while recommendations go healthy, then hang, then healthy again.',
  layers:
    'A ladder of gateways from gateway-v1 to gateway-v2, each rung adding one protection, plus gateway-v1 with retries, and with the same retries on a short timeout and no pool, side by side under the same users, each with its own recommendations-service of finite capacity, while it goes healthy, then hangs, then healthy again; after a warm-up whose users are not counted.',
  partial: `Both gateways under the same users while a share of recommendations calls fail: ${PARTIAL_RATES_TEXT}, one after the other.`,
};
