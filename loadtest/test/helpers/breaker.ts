import { readSettings } from '@cbd/common';
import { breakerSettings, type BreakerOptions } from '@cbd/gateway-v2/contract';

/** gateway-v2's breaker options at their defaults: a test spells out only those it is about. */
export const breakerDefaults = (): BreakerOptions => readSettings(breakerSettings, {});

/**
 * Gives a recorded run's gateway-v2 the breaker settings added since it was recorded, at their
 * defaults: a new setting's default is what gateway-v2 did before it had the setting.
 */
export function withBreakerDefaults(services: { v2: object }): void {
  services.v2 = { ...breakerDefaults(), ...services.v2 };
}
