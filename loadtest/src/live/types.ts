import { type CircuitStatus } from '@cbd/gateway-v2/contract';
import { type FailureState } from '@cbd/recommendations-service/contract';
import { type PoolStatus } from '@cbd/gateway-v1/contract';
import type { GatewayId, SecondSample } from '../report/schema.js';

/** One second of load on both gateways; t counts seconds since the session started. */
export interface LiveSample {
  t: number;
  gateways: Record<GatewayId, SecondSample>;
}

/** What the services said at one read; null where a service did not answer in time. */
export interface LiveStatus {
  /** Datetime of the read (this process's clock). */
  readAt: string;
  /** gateway-v2's GET /circuit-status. */
  circuit: CircuitStatus | null;
  /** recommendations-service's GET /admin/failure. */
  failure: FailureState | null;
  /** gateway-v1's GET /pool-status. */
  pool: PoolStatus | null;
}

export interface LiveSnapshot {
  /** How many seconds of history are kept (and sent to a page that connects). */
  windowSeconds: number;
  /** Connections per gateway. */
  connections: number;
  /** The last windowSeconds seconds, oldest first. */
  samples: LiveSample[];
  status: LiveStatus;
}

export type LiveEvent =
  { type: 'sample'; sample: LiveSample } | { type: 'status'; status: LiveStatus };

/** What the dashboard needs of a live session (tests give it a fake). */
export interface LiveFeed {
  snapshot(): LiveSnapshot;
  /** Calls listener with every new sample and status; returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Reads the services now instead of at the next poll (after a button was pressed). */
  refresh(): Promise<void>;
}
