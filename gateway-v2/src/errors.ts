import {
  AppError,
  describeIssues,
  productCallFailure,
  UpstreamError,
  type DegradedReason,
} from '@cbd/common';
import type { ZodError } from 'zod';

function codeOf(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

/** What gateway-v2 answers when the product call fails: fast, and saying why. */
export function productFailure(err: unknown, id: number, timeoutMs: number): unknown {
  if (err instanceof UpstreamError) return productCallFailure(err, id);
  switch (codeOf(err)) {
    case 'EOPENBREAKER':
      return new AppError(
        503,
        'PRODUCT_SERVICE_UNAVAILABLE',
        'product-service is failing; the gateway stopped calling it for a while (circuit open)',
      );
    case 'ETIMEDOUT':
      return new AppError(
        504,
        'UPSTREAM_TIMEOUT',
        `product-service did not answer within ${timeoutMs} ms`,
      );
    case 'ESEMLOCKED':
      return new AppError(
        503,
        'PRODUCT_SERVICE_BUSY',
        'Too many product calls in flight; try again',
      );
    default:
      return err;
  }
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
