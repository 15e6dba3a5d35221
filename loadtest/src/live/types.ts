import type { PoolStatus } from '@cbd/gateway-v1/contract';
import type { CircuitConfig, CircuitState, CircuitStatus } from '@cbd/gateway-v2/contract';
import type { FailureMode, FailureState } from '@cbd/recommendations-service/contract';
import type { GatewayId } from '../model/gateways.js';
import type { LoadSpec } from '../model/load.js';
import type { OutcomeCounts } from '../model/outcome.js';
import type { GatewaySecond } from '../scenarios/progress.js';

/** A guided tour's step (`pnpm tour`), as the terminal and the dashboard's panel show it. */
export interface TourView {
  /** 0-based: the screen says step index + 1 of count. */
  index: number;
  count: number;
  title: string;
  notice: string;
  question: string;
  /** running: its requests are out; answered: it waits for the next key; failed: it could not finish. */
  state: 'running' | 'answered' | 'failed';
  /** The measured answer, once the step has run. */
  answer: string | null;
}

export type TourListener = (view: TourView | null) => void;

/** What a page can follow and drive of a tour: the current step, and the Enter key. */
export interface TourFeed {
  /** Null before the first step and after the last. */
  current(): TourView | null;
  /**
   * As Enter: on to the next step (or the end, after the last). Resolves once the step it moved
   * to has run, or the tour has ended. Asked while a step runs, it moves on when that one ends.
   */
  next(): Promise<void>;
  /** Called with every change of the view, and with null when the tour ends. */
  subscribe(listener: TourListener): () => void;
}

// What the live session tells the dashboard, and the dashboard its page (as JSON over the event
// stream): types only, shared by the server and the page's script.

/**
 * One gateway's second, by when things happened in it (live, nothing is known in advance): the
 * progress line's figures (users arrived, sent or dropped over the socket budget; useful
 * answers that came in it; users waiting at its end), and more.
 */
export interface LiveGatewaySecond extends Omit<GatewaySecond, 'circuit' | 'pool'> {
  /** Users whose outcome became known in the second, by outcome. */
  outcomes: OutcomeCounts;
  /** Their latency from arrival; null when none ended in the second. */
  p50: number | null;
  p99: number | null;
  /** The gateway's /products/1 probes: ended in the second, in time among them. */
  probes: { ended: number; inTime: number; worstMs: number | null };
}

export interface LiveSecond {
  /** Seconds since the session started. */
  t: number;
  gateways: Record<GatewayId, LiveGatewaySecond>;
  /** recommendations-service's failure mode as last read in the second; null: no answer. */
  mode: FailureMode | null;
  /** gateway-v2's breaker as last read in the second; null: it did not answer. */
  circuit: CircuitState | null;
  /** gateway-v1's shared pool as last read in the second. */
  pool: Pick<PoolStatus, 'size' | 'active' | 'waiting'> | null;
  /** recommendations calls received per second, per gateway; null when not reported. */
  dependency: Record<GatewayId, number | null> | null;
}

/** A gateway's healthy-route probe, now. */
export interface ProbeNow {
  /** The last probe that ended: its time, its status (null: no answer), in time or not. */
  last: { ms: number; status: number | null; inTime: boolean } | null;
  /** Probes sent and not answered yet, and how long the oldest has waited. */
  waiting: number;
  oldestMs: number | null;
}

/** What recommendations-service says it receives from each gateway. */
export interface DependencyNow {
  gateways: Record<GatewayId, { perSecond: number | null; inFlight: number }>;
  /** Its workers, when it reports them. */
  capacity: { limit: number; workMs: number; busy: number; queued: number } | null;
}

/** The services and the load at one read; null where a service did not answer in time. */
export interface LiveStatus {
  /** Datetime of the read (this process's clock). */
  readAt: string;
  /** gateway-v2's GET /circuit-status and GET /circuit/config. */
  circuit: CircuitStatus | null;
  breakerConfig: CircuitConfig | null;
  /** recommendations-service's GET /admin/failure. */
  failure: FailureState | null;
  /** gateway-v1's GET /pool-status. */
  pool: PoolStatus | null;
  /** Calls reaching recommendations per gateway; null: the service does not report them. */
  dependency: DependencyNow | null;
  /** The users and the probe of each gateway, now. */
  users: Record<GatewayId, { waiting: number; probe: ProbeNow }>;
}

export interface LiveSnapshot {
  /** How many seconds of history are kept (and sent to a page that connects). */
  windowSeconds: number;
  /** How users are sent to each gateway; null: none (a tour drives the services by hand). */
  load: LoadSpec | null;
  /** Later than this, a user's or a probe's answer is too late. */
  patienceMs: number;
  /** The last windowSeconds seconds, oldest first. */
  seconds: LiveSecond[];
  status: LiveStatus;
}

export type LiveEvent =
  { type: 'second'; second: LiveSecond } | { type: 'status'; status: LiveStatus };

/** What the dashboard needs of a live session (tests give it a fake). */
export interface LiveFeed {
  snapshot(): LiveSnapshot;
  /** Calls listener with every second and every status read; returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Reads the services now instead of at the next poll (after a button was pressed). */
  refresh(): Promise<void>;
}

/** The first message of the page's event stream. */
export interface PageSnapshot extends LiveSnapshot {
  tour: TourView | null;
}
