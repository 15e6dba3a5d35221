import type { TourStep } from './step.js';
import { hangingDependency, normalOperation } from './steps/basics.js';
import {
  failureInHalfOpen,
  fastFailSlowFail,
  otherThresholds,
  recovery,
  triggerOpening,
} from './steps/breaker.js';
import { collateralDamage } from './steps/bulkhead.js';
import { loadWithFailures, partialFailure } from './steps/load.js';

/**
 * The tour, in order: the breaker's life (closed, open, half-open, its options), between the
 * story it exists for (a hang takes gateway-v1 down) and what it means under load.
 */
export const TOUR_STEPS: readonly TourStep[] = [
  normalOperation,
  hangingDependency,
  triggerOpening,
  fastFailSlowFail,
  recovery,
  failureInHalfOpen,
  otherThresholds,
  collateralDamage,
  loadWithFailures,
  partialFailure,
];
