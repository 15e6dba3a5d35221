import { AppError } from '@cbd/common';

// What the load tool reports when a service or an option lets it down; every code is stable.

/** A service answered a control call (a mode switch, a breaker reset) with an error, or not at all. */
export class ServiceCallError extends Error {
  override name = 'ServiceCallError';
  readonly code = 'SERVICE_CALL_FAILED';
  constructor(
    readonly method: string,
    readonly url: string,
    detail: string,
  ) {
    super(`${method} ${url} ${detail}`);
  }
}

/** A scenario was stopped from outside (Ctrl-C, a service that died). */
export function interrupted(scenario: string): DOMException {
  return new DOMException(`The ${scenario} scenario was interrupted`, 'AbortError');
}

/** The live dashboard's answers to its page. */
export const DashboardErrors = {
  invalidControl: (detail: string) =>
    new AppError(400, 'INVALID_CONTROL', `The control request is not valid: ${detail}`),
  // Only JSON is accepted: a page on another site cannot send it to 127.0.0.1 unasked, since
  // the browser would first ask (CORS preflight), and this server never says yes.
  notJson: () =>
    new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Control requests must be application/json'),
  // A page served from another name for 127.0.0.1 (DNS rebinding) or another origin may not
  // pull the switches.
  foreignRequest: () =>
    new AppError(
      403,
      'FOREIGN_REQUEST',
      'Control requests are taken only from the dashboard itself, on this machine',
    ),
  tourFailed: (err: unknown) =>
    new AppError(
      502,
      'TOUR_STEP_FAILED',
      `The tour could not move on: ${err instanceof Error ? err.message : String(err)}`,
    ),
  upstream: (service: string, err: unknown) =>
    new AppError(
      502,
      'UPSTREAM_ERROR',
      `${service} did not take the change: ${err instanceof Error ? err.message : String(err)}`,
    ),
} as const;

/** A step of the tour could not finish (a service answered outside its contract, or not at all). */
export class TourStepError extends Error {
  override name = 'TourStepError';
  readonly code = 'TOUR_STEP_FAILED';
  constructor(
    /** 1-based, as the tour numbers its steps. */
    readonly step: number,
    readonly title: string,
    cause: unknown,
  ) {
    super(
      `step ${step} (${title}) could not finish: ${(cause as Error)?.message ?? String(cause)}`,
      {
        cause,
      },
    );
  }
}
