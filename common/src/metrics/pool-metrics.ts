import { Gauge, type Registry } from 'prom-client';

/** What the gauges read of a pool. */
export interface PoolState {
  /** Places in the pool. */
  size: number;
  /** Calls holding a place. */
  active: number;
  /** Calls waiting in line for one. */
  waiting: number;
}

/**
 * A gateway's shared upstream pool as gauges, read when Prometheus scrapes (never per request):
 * calls waiting climbing while calls in flight sit at the capacity is the collapse itself.
 */
export function registerPoolMetrics(registry: Registry, pool: () => PoolState): void {
  const gauge = (name: string, help: string, read: (p: PoolState) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(pool()));
      },
    });
  gauge(
    'gateway_upstream_pool_calls_in_flight',
    'Upstream calls holding a place in the shared pool (both services together)',
    (p) => p.active,
  );
  gauge(
    'gateway_upstream_pool_calls_waiting',
    'Upstream calls waiting in line for a place in the shared pool',
    (p) => p.waiting,
  );
  gauge(
    'gateway_upstream_pool_capacity',
    'Places in the shared pool (V1_POOL_SIZE on gateway-v1, SHARED_POOL_SIZE on gateway-v2)',
    (p) => p.size,
  );
}
