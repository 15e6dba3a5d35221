import { createBreaker, fireBreaker } from '@cbd/gateway-v2';
import type { BreakerOptions } from '@cbd/gateway-v2/contract';
import type { BreakerFactory } from '@cbd/loadtest';

/**
 * Breakers built by gateway-v2's own createBreaker with the run's settings and a fallback, as
 * the gateway's recommendations breaker is. The reset timeout alone is stretched: an open
 * breaker must stay open while its cost is timed (it does not change what a call costs).
 */
export function gatewayBreakerFactory(v2: BreakerOptions): BreakerFactory {
  return (action) => {
    const breaker = createBreaker('bench', action, { ...v2, resetTimeoutMs: 3_600_000 });
    breaker.fallback(() => ({ recommendations: [] }));
    return {
      fire: (id) => breaker.fire(id),
      fireAsGateway: (id) => fireBreaker(breaker, id),
      open: () => breaker.open(),
      shutdown: () => breaker.shutdown(),
    };
  };
}
