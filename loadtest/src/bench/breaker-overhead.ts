import { createBreaker, fireBreaker, type BreakerOptions } from '@cbd/gateway-v2';
import { median, round } from '../model/stats.js';
import type { BreakerOverhead } from './schema.js';

export interface OverheadOptions {
  iterations: number;
  repeats: number;
}

/** Nanoseconds per awaited call of `call`, over `iterations` calls one after the other. */
async function nsPerCall(call: (id: number) => Promise<unknown>, iterations: number) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) await call(i);
  return Number(process.hrtime.bigint() - started) / iterations;
}

/**
 * In-process, with breakers built by gateway-v2's own createBreaker and the run's options: an
 * async action called directly, through a closed breaker, and through an open one (opossum's
 * open path builds an Error with a stack trace, then runs the fallback), also the way gateway-v2
 * fires it (without that stack trace). Each call is awaited before the next, as a request
 * awaits its upstream call; measured in turn, `repeats` times, medians kept.
 */
export async function measureBreakerOverhead(
  options: BreakerOptions | (Omit<BreakerOptions, 'capacity'> & { capacity: number | null }),
  { iterations, repeats }: OverheadOptions,
): Promise<BreakerOverhead> {
  const action = (id: number) => Promise.resolve(id);
  // The reset timeout alone is stretched: an open breaker must stay open while it is timed.
  const settings = {
    ...options,
    capacity: options.capacity ?? undefined,
    resetTimeoutMs: 3_600_000,
  };
  const build = () => {
    const breaker = createBreaker('bench', action, settings);
    breaker.fallback(() => -1);
    return breaker;
  };
  const closed = build();
  const open = build();
  const samples = {
    direct: [] as number[],
    closed: [] as number[],
    open: [] as number[],
    gateway: [] as number[],
  };
  try {
    // A first pass that is not kept: the JIT optimizes each path before it is timed.
    for (let r = -1; r < repeats; r += 1) {
      const direct = await nsPerCall(action, iterations);
      const viaClosed = await nsPerCall((id) => closed.fire(id), iterations);
      open.open();
      const viaOpen = await nsPerCall((id) => open.fire(id), iterations);
      open.open();
      const viaGateway = await nsPerCall((id) => fireBreaker(open, id), iterations);
      if (r < 0) continue;
      samples.direct.push(direct);
      samples.closed.push(viaClosed);
      samples.open.push(viaOpen);
      samples.gateway.push(viaGateway);
    }
  } finally {
    closed.shutdown();
    open.shutdown();
  }
  const directNs = round(median(samples.direct) ?? 0);
  const closedNs = round(median(samples.closed) ?? 0);
  const openNs = round(median(samples.open) ?? 0);
  const openGatewayNs = round(median(samples.gateway) ?? 0);
  return {
    iterations,
    repeats,
    directNs,
    closedNs,
    openNs,
    openGatewayNs,
    closedOverheadNs: round(closedNs - directNs),
    openOverheadNs: round(openNs - directNs),
    openGatewayOverheadNs: round(openGatewayNs - directNs),
  };
}
