import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Latency buckets in seconds for both gateways' histograms: fine below 100 ms, where v2 lives,
 * and up past 30 s, where v1 waits out a hung dependency.
 */
export const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 60,
];

/**
 * One registry per app instance (never prom-client's global one), so tests can run many
 * services in one process; `labels` go on every series, with prom-client's process metrics.
 */
export function createRegistry(labels: Record<string, string>): Registry {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * A gateway's registry. Every series carries `gateway`, so v1 and v2 can be told apart in
 * Prometheus whatever the scrape job is called.
 */
export function createMetricsRegistry(gateway: string): Registry {
  return createRegistry({ gateway });
}
