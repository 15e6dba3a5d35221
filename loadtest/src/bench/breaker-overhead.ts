import { round } from '../runner/percentile.js';
import type { BreakerOverhead } from './schema.js';
import { median } from './throughput.js';

/** What the measurement needs of a circuit breaker (opossum's, as gateway-v2 builds it). */
export interface MeasuredBreaker {
  fire(id: number): Promise<unknown>;
  /** The way gateway-v2 fires it (without the open path's stack trace). */
  fireAsGateway(id: number): Promise<unknown>;
  open(): void;
  shutdown(): void;
}

/** Builds a breaker around `action` with a fallback, the way the gateway does. */
export type BreakerFactory = (action: (id: number) => Promise<unknown>) => MeasuredBreaker;

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
 * In-process: an async action called directly, through a closed breaker, and through an open
 * one (opossum's open path builds an Error with a stack trace, then runs the fallback), also
 * the way gateway-v2 fires it (without that stack trace). Each
 * call is awaited before the next, as a request awaits its upstream call; the three are
 * measured in turn, `repeats` times, and the medians kept.
 */
export async function measureBreakerOverhead(
  makeBreaker: BreakerFactory,
  { iterations, repeats }: OverheadOptions,
): Promise<BreakerOverhead> {
  const action = (id: number) => Promise.resolve(id);
  const closed = makeBreaker(action);
  const open = makeBreaker(action);
  const samples = {
    direct: [] as number[],
    closed: [] as number[],
    open: [] as number[],
    openGateway: [] as number[],
  };
  try {
    // A first pass that is not kept: the JIT optimizes each path before it is timed.
    for (let r = -1; r < repeats; r += 1) {
      const direct = await nsPerCall(action, iterations);
      const viaClosed = await nsPerCall((id) => closed.fire(id), iterations);
      open.open(); // Again, in case its reset timeout half-opened it in the meantime.
      const viaOpen = await nsPerCall((id) => open.fire(id), iterations);
      open.open();
      const viaGateway = await nsPerCall((id) => open.fireAsGateway(id), iterations);
      if (r < 0) continue;
      samples.direct.push(direct);
      samples.closed.push(viaClosed);
      samples.open.push(viaOpen);
      samples.openGateway.push(viaGateway);
    }
  } finally {
    closed.shutdown();
    open.shutdown();
  }
  const directNs = median(samples.direct) ?? 0;
  const closedNs = median(samples.closed) ?? 0;
  const openNs = median(samples.open) ?? 0;
  const openGatewayNs = median(samples.openGateway) ?? 0;
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
