import {
  createSharedPool,
  createUpstreamClient,
  isProduct,
  keepAliveAgent,
  recommendationsGuard,
  upstreamMetrics,
  type DegradedReason,
  type Logger,
  type PoolState,
  type Product,
} from '@cbd/common';
import type { Registry } from 'prom-client';
import { registerBreakerMetrics } from './breaker-metrics.js';
import { Circuit } from './circuit.js';
import type { BreakerOptions, GatewayV2Config } from './config.js';
import type { CircuitConfig, CircuitStatus } from './contract.js';
import { degradedReasonOf, productFailure, recommendationsFailure } from './errors.js';

export interface RecommendationsResult {
  recommendations: Product[];
  /** Set when the fallback answered instead of the service. */
  degradedReason?: DegradedReason;
}

export const BREAKER_NAMES = ['product-service', 'recommendations-service'] as const;
export type BreakerName = (typeof BREAKER_NAMES)[number];

export interface V2Upstreams {
  /** The product, or an AppError saying why not (404, 502, 503, 504). */
  product(id: number): Promise<Product>;
  /**
   * Live recommendations, or `[]` with the reason, never rejecting; with the fallback off, an
   * AppError (502, 503, 504) when they fail.
   */
  recommendations(id: number): Promise<RecommendationsResult>;
  status(breaker: BreakerName): CircuitStatus;
  /** The recommendations breaker's options now and at start-up. */
  config(): CircuitConfig;
  /** Changes the recommendations breaker's options; the ones left out keep their values. */
  configure(change: Partial<BreakerOptions>): CircuitConfig;
  /** Back to the options the gateway started with. */
  restoreConfig(): CircuitConfig;
  /** Closes every breaker. */
  reset(): void;
  /** The one pool both upstreams share, while the bulkhead is off (undefined otherwise). */
  pool?: () => PoolState;
  close(): void;
}

const degrade = (err: unknown): RecommendationsResult => ({
  recommendations: [],
  degradedReason: degradedReasonOf(err),
});

/**
 * Builds the upstream calls in the shape the protections (PROTECTIONS) give them, once, here:
 * nothing is decided per request. Every protection off is gateway-v1's way of calling: the long
 * timeout, no fallback, no breaker, one pool for both upstreams. With a registry, it times
 * upstream calls and exposes the breakers' states and events (and the shared pool's gauges).
 */
export function createV2Upstreams(
  config: GatewayV2Config,
  logger: Logger,
  metrics?: Registry,
): V2Upstreams {
  const on = new Set(config.protections);
  const observe = metrics && upstreamMetrics(metrics);
  // Bulkheads: one agent per upstream, so hung recommendation sockets never block product
  // calls. Without them, both wait in one pool, as on gateway-v1.
  const shared = on.has('bulkhead') ? undefined : createSharedPool(config.sharedPoolSize, metrics);
  const agentOf = (maxSockets: number) => shared?.agent ?? keepAliveAgent({ maxSockets });
  const productAgent = agentOf(config.productMaxSockets);
  const recommendationsAgent = agentOf(config.recommendationsMaxSockets);
  const fixedTimeoutMs = on.has('timeout') ? undefined : config.unprotectedTimeoutMs;
  const productTimeoutMs = fixedTimeoutMs ?? config.productTimeoutMs;

  const productClient = createUpstreamClient({
    name: 'product-service',
    baseUrl: config.productServiceUrl,
    agent: productAgent,
    timeoutMs: productTimeoutMs,
    maxBodyBytes: config.upstreamMaxBodyBytes,
    observe,
    caller: 'gateway-v2',
  });
  const recommendationsClient = createUpstreamClient({
    name: 'recommendations-service',
    baseUrl: config.recommendationsServiceUrl,
    agent: recommendationsAgent,
    // The breaker's timeout can change at run time; the call is aborted when it passes.
    timeoutMs: () => recommendationsCircuit.timeoutMs,
    maxBodyBytes: config.upstreamMaxBodyBytes,
    observe,
    caller: 'gateway-v2',
  });
  const isRecommendations = recommendationsGuard(config.maxRecommendations);

  const getProduct = (id: number) => productClient.getJson(`/products/${id}`, isProduct);
  const getRecommendations = async (id: number): Promise<RecommendationsResult> => {
    const body = await recommendationsClient.getJson(`/recommendations/${id}`, isRecommendations);
    return { recommendations: body.recommendations };
  };
  const shape = { breaker: on.has('breaker'), fixedTimeoutMs };
  const productCircuit = new Circuit(
    'product-service',
    shared ? (id: number) => shared.run(() => getProduct(id)) : getProduct,
    { ...config.breaker, timeoutMs: config.productTimeoutMs, capacity: undefined },
    logger,
    { ...shape, capacity: false },
  );
  const recommendationsCircuit = new Circuit(
    'recommendations-service',
    shared ? (id: number) => shared.run(() => getRecommendations(id)) : getRecommendations,
    config.breaker,
    logger,
    {
      ...shape,
      capacity: on.has('bulkhead'),
      ...(on.has('fallback') ? { fallback: (_id: number, err: unknown) => degrade(err) } : {}),
    },
  );
  const circuits = {
    'product-service': productCircuit,
    'recommendations-service': recommendationsCircuit,
  };
  if (metrics)
    registerBreakerMetrics(metrics, [productCircuit.watch, recommendationsCircuit.watch]);

  const currentConfig = (): CircuitConfig => {
    const { settings, startup, changedAt } = recommendationsCircuit;
    return {
      options: settings as BreakerOptions,
      startup: startup as BreakerOptions,
      changedAt: changedAt === null ? null : new Date(changedAt).toISOString(),
    };
  };

  return {
    product: (id) =>
      productCircuit.fire(id).catch((err: unknown) => {
        throw productFailure(err, id, productTimeoutMs);
      }),
    recommendations: on.has('fallback')
      ? // An upstream 4xx is not a breaker failure, so no fallback ran: degrade here instead.
        (id) => recommendationsCircuit.fire(id).catch(degrade)
      : async (id) => {
          try {
            return await recommendationsCircuit.fire(id);
          } catch (err) {
            throw recommendationsFailure(err, recommendationsCircuit.timeoutMs);
          }
        },
    status: (name) => ({ ...circuits[name].status(), protections: config.protections }),
    config: currentConfig,
    configure(change) {
      recommendationsCircuit.reconfigure({ ...recommendationsCircuit.settings, ...change });
      logger.info({ options: recommendationsCircuit.settings }, 'circuit options changed');
      return currentConfig();
    },
    restoreConfig() {
      recommendationsCircuit.reconfigure(recommendationsCircuit.startup);
      logger.info({ options: recommendationsCircuit.settings }, 'circuit options restored');
      return currentConfig();
    },
    reset() {
      productCircuit.closeByHand();
      recommendationsCircuit.closeByHand();
    },
    ...(shared ? { pool: () => shared.state() } : {}),
    close() {
      productCircuit.shutdown();
      recommendationsCircuit.shutdown();
      if (shared) shared.close();
      else {
        productAgent.destroy();
        recommendationsAgent.destroy();
      }
    },
  };
}
