// The HTTP payloads every package exchanges, defined once (see DESIGN.md, "HTTP contract").

export interface Product {
  id: number;
  name: string;
  price: number;
  description: string;
  category: string;
}

export interface RecommendationsResponse {
  productId: number;
  recommendations: Product[];
}

/** Why a v2 answer carries the fallback instead of live recommendations. */
export type DegradedReason = 'EOPENBREAKER' | 'ETIMEDOUT' | 'ESEMLOCKED' | 'UPSTREAM_ERROR';

export interface ProductDetails {
  product: Product;
  recommendations: Product[];
  degradedMode: boolean;
  degradedReason?: DegradedReason;
  timestamp: string;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export interface HealthBody {
  status: 'ok';
  service: string;
}

export const FAILURE_MODES = ['healthy', 'hang', 'error', 'slow', 'partial', 'reset'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

/** What `GET /admin/failure` on the recommendations service returns. */
export interface FailureState {
  mode: FailureMode;
  hangMs: number;
  latencyMs: number;
  errorRate: number;
  /** Requests being held right now by the `hang` mode. */
  hanging: number;
  changedAt: string;
}

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface CircuitTransition {
  from: CircuitState;
  to: CircuitState;
  at: string;
}

/** Counts since the gateway started (opossum's own stats are a rolling window). */
export interface BreakerTotals {
  fires: number;
  successes: number;
  failures: number;
  timeouts: number;
  rejects: number;
  fallbacks: number;
  semaphoreRejections: number;
}

export interface CircuitStatus {
  name: string;
  state: CircuitState;
  /** The same counts over the breaker's rolling window (default 10 s). */
  stats: BreakerTotals;
  /** Counts since the gateway started. */
  totals: BreakerTotals;
  options: Record<string, unknown>;
  lastTransition: CircuitTransition | null;
  nextAttemptAt: string | null;
  transitions: CircuitTransition[];
}

/** gateway-v1's `GET /pool-status`: its one shared upstream pool. */
export interface PoolStatus {
  /** Places in the pool (V1_MAX_SOCKETS). */
  size: number;
  /** Upstream calls holding a place. */
  active: number;
  /** Upstream calls waiting in line for one. */
  waiting: number;
  upstreamTimeoutMs: number;
}
