import {
  AppError,
  describeIssues,
  productCallFailure,
  upstreamFailure,
  UpstreamError,
  type DegradedReason,
} from '@cbd/common';
import type { ZodError } from 'zod';

function codeOf(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

/** Each upstream's codes for the breaker's own rejections, written out so each can be found. */
const REJECTIONS = {
  'product-service': {
    open: 'PRODUCT_SERVICE_UNAVAILABLE',
    busy: 'PRODUCT_SERVICE_BUSY',
    calls: 'product',
  },
  'recommendations-service': {
    open: 'RECOMMENDATIONS_SERVICE_UNAVAILABLE',
    busy: 'RECOMMENDATIONS_SERVICE_BUSY',
    calls: 'recommendations',
  },
} as const;

/** What the breaker's own rejections of a call to `upstream` become for the user. */
function breakerRejection(
  err: unknown,
  upstream: keyof typeof REJECTIONS,
  timeoutMs: number,
): unknown {
  const { open, busy, calls } = REJECTIONS[upstream];
  switch (codeOf(err)) {
    case 'EOPENBREAKER':
      return new AppError(
        503,
        open,
        `${upstream} is failing; the gateway stopped calling it for a while (circuit open)`,
      );
    case 'ETIMEDOUT':
      return new AppError(
        504,
        'UPSTREAM_TIMEOUT',
        `${upstream} did not answer within ${timeoutMs} ms`,
      );
    case 'ESEMLOCKED':
      return new AppError(503, busy, `Too many ${calls} calls in flight; try again`);
    default:
      return err;
  }
}

/** What gateway-v2 answers when the product call fails: fast, and saying why. */
export function productFailure(err: unknown, id: number, timeoutMs: number): unknown {
  if (err instanceof UpstreamError) return productCallFailure(err, id);
  return breakerRejection(err, 'product-service', timeoutMs);
}

/**
 * What gateway-v2 answers when the recommendations call fails and there is no fallback: the
 * whole request fails, as on gateway-v1 (an unknown product's 404 from it included).
 */
export function recommendationsFailure(err: unknown, timeoutMs: number): unknown {
  if (err instanceof UpstreamError) return upstreamFailure(err);
  return breakerRejection(err, 'recommendations-service', timeoutMs);
}

export const GatewayV2Errors = {
  breakerNotFound: (name: string) =>
    new AppError(404, 'BREAKER_NOT_FOUND', `No circuit breaker named "${name.slice(0, 60)}"`),
  invalidCircuitConfig: (error: ZodError) =>
    new AppError(400, 'INVALID_CIRCUIT_CONFIG', describeIssues(error)),
} as const;

/** Why recommendations fell back to `[]`, as the response and the report name it. */
export function degradedReasonOf(err: unknown): DegradedReason {
  const code = codeOf(err);
  if (code === 'EOPENBREAKER' || code === 'ESEMLOCKED' || code === 'ETIMEDOUT') return code;
  if (err instanceof UpstreamError && err.failure === 'timeout') return 'ETIMEDOUT';
  return 'UPSTREAM_ERROR';
}
