import type { ZodError } from 'zod';
import type { UpstreamError } from './upstream.js';

// The error type every package throws, and the codes common to all of them. Each package's
// own errors.ts adds its codes; the central handler (error-handler.ts) renders them all.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What a message may quote of something a client sent: enough to recognise it, never 8 KB of it. */
export function quoted(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export const CommonErrors = {
  routeNotFound: (method: string, path: string) =>
    new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${method} ${quoted(path)}`),
  invalidProductId: (raw: string) =>
    new AppError(
      400,
      'INVALID_PRODUCT_ID',
      `Product id must be a whole number from 1 to ${MAX_ID}, got "${quoted(raw, 40)}"`,
    ),
  productNotFound: (id: number) =>
    new AppError(404, 'PRODUCT_NOT_FOUND', `Product ${id} does not exist`),
  invalidJson: () => new AppError(400, 'INVALID_JSON', 'Request body is not valid JSON'),
  payloadTooLarge: (limitBytes: number) =>
    new AppError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${limitBytes} bytes`),
  badRequest: (message: string) => new AppError(400, 'BAD_REQUEST', message),
  /** Refused by Node's HTTP parser, before any route: see serve.ts. */
  headersTooLarge: () =>
    new AppError(431, 'HEADERS_TOO_LARGE', 'The request headers are too large'),
  notHttp: () => new AppError(400, 'BAD_REQUEST', 'The request is not valid HTTP/1.1'),
  requestTimeout: () => new AppError(408, 'REQUEST_TIMEOUT', 'The request did not arrive in time'),
  /** A DNS name that is not the service's own: a page rebinding its name to this machine. */
  forbiddenHost: (host: string) =>
    new AppError(
      403,
      'FORBIDDEN_HOST',
      `Host "${quoted(host)}" is not this service's name; admin routes answer localhost, IP addresses and the names in ALLOWED_HOSTS`,
    ),
  /** A page from another site. */
  forbiddenOrigin: (origin: string) =>
    new AppError(
      403,
      'FORBIDDEN_ORIGIN',
      `Origin "${quoted(origin)}" may not use admin routes; they answer pages from localhost, IP addresses and the names in ALLOWED_HOSTS`,
    ),
  adminTokenRequired: () =>
    new AppError(
      401,
      'ADMIN_TOKEN_REQUIRED',
      'Admin routes need authorization: Bearer <ADMIN_TOKEN> on this service',
    ),
  unsupportedMediaType: () =>
    new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON, with content-type: application/json (UTF-8)',
    ),
  internal: () => new AppError(500, 'INTERNAL_ERROR', 'Internal server error'),
} as const;

/** What a gateway answers when an upstream call fails; the message names the upstream. */
export function upstreamFailure(err: UpstreamError): AppError {
  switch (err.failure) {
    case 'timeout':
      return new AppError(504, 'UPSTREAM_TIMEOUT', err.message);
    case 'unavailable':
      return new AppError(502, 'UPSTREAM_UNAVAILABLE', err.message);
    case 'status':
      return new AppError(502, 'UPSTREAM_ERROR', err.message);
    case 'body':
      return new AppError(502, 'UPSTREAM_BAD_RESPONSE', err.message);
  }
}

/** A failed product call as a gateway answers it: an unknown product stays a 404. */
export function productCallFailure(err: UpstreamError, id: number): AppError {
  return err.status === 404 ? CommonErrors.productNotFound(id) : upstreamFailure(err);
}

const MAX_ID = 2 ** 31 - 1;

/** Route ids are digits only: "1e3", "0x1", "01" and "-1" are not product ids. */
export function parseProductId(raw: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw CommonErrors.invalidProductId(raw);
  const id = Number(raw);
  if (id > MAX_ID) throw CommonErrors.invalidProductId(raw);
  return id;
}

/** A rejected body's problems in one line: "mode: Invalid option; hangMs: Too big". */
export function describeIssues(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);
}
