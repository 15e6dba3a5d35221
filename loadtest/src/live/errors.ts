import { AppError } from '@cbd/common';

export const DashboardErrors = {
  invalidControl: (detail: string) =>
    new AppError(400, 'INVALID_CONTROL', `The control request is not valid: ${detail}`),
  // Only JSON is accepted: a page on another site cannot send it to 127.0.0.1 unasked, since
  // the browser would first ask (CORS preflight), and this server never says yes.
  notJson: () =>
    new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Control requests must be application/json'),
  upstream: (service: string, err: unknown) =>
    new AppError(
      502,
      'UPSTREAM_ERROR',
      `${service} did not take the change: ${err instanceof Error ? err.message : String(err)}`,
    ),
} as const;
