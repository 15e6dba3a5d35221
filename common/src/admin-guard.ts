import { createHash, timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { RequestHandler } from 'express';
import { CommonErrors } from './errors.js';
import { isJsonRequest } from './http-app.js';
import type { ServiceConfig } from './settings.js';

// Admin routes change what a running service does (its failure mode, its breaker). A page the
// teacher's browser opens on any site can post to 127.0.0.1, and through DNS rebinding can
// even read and write with a name of its own resolving there. The first is stopped by the JSON
// content type (a form cannot send it, and fetch must ask first with a preflight, which gets no
// CORS headers), the second by the Host and Origin checks: a rebinding needs a DNS name, and
// only localhost names, IP literals and names listed in ALLOWED_HOSTS are the service's own.

export type AdminSettings = Pick<ServiceConfig, 'allowedHosts' | 'adminToken'>;

/** The header an admin request carries the token in (`Bearer <token>`). */
export const ADMIN_TOKEN_HEADER = 'authorization';

/** The headers an admin POST needs: the JSON content type, and the token when one is set. */
export function adminHeaders(token = ''): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(token ? { [ADMIN_TOKEN_HEADER]: `Bearer ${token}` } : {}),
  };
}

/** A Host header: a bracketed IPv6 literal or a name without "@", "/" or spaces, and a port. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^\s@/\\[\]?#:]+)(?::\d{1,5})?$/i;

function isOwnHostName(name: string, allowed: readonly string[]): boolean {
  if (name.startsWith('[')) return isIPv6(name.slice(1, -1));
  if (isIPv4(name)) return true;
  const bare = name.toLowerCase().replace(/\.$/, '');
  return bare === 'localhost' || bare.endsWith('.localhost') || allowed.includes(bare);
}

function isOwnHost(header: string | undefined, allowed: readonly string[]): boolean {
  const name = header === undefined ? undefined : HOST_HEADER.exec(header)?.[1];
  return name !== undefined && isOwnHostName(name, allowed);
}

function isOwnOrigin(origin: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // A browser sends an origin as scheme://host[:port] exactly; anything else (userinfo, a
  // path) did not come from one, and "http://x@localhost" must not pass for localhost.
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.origin === origin &&
    isOwnHostName(url.hostname, allowed)
  );
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so neither the token's content nor its length shows in the time taken. */
function hasToken(header: string | undefined, token: string): boolean {
  const [scheme, given, ...rest] = (header ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !given || rest.length > 0) return false;
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Guards one service's admin routes (POST): a foreign Host or Origin is a 403, a missing or
 * wrong token (when ADMIN_TOKEN is set) a 401, a body that is not JSON, or none sent without
 * the JSON content type, a 415. Nothing the route would do happens then.
 */
export function adminGuard(config: AdminSettings): RequestHandler {
  const { allowedHosts, adminToken } = config;
  return (req, res, next) => {
    const { host, origin } = req.headers;
    if (!isOwnHost(host, allowedHosts)) {
      next(CommonErrors.forbiddenHost(host ?? ''));
    } else if (origin !== undefined && !isOwnOrigin(origin, allowedHosts)) {
      next(CommonErrors.forbiddenOrigin(origin));
    } else if (adminToken && !hasToken(req.headers[ADMIN_TOKEN_HEADER], adminToken)) {
      res.set('WWW-Authenticate', 'Bearer');
      next(CommonErrors.adminTokenRequired());
    } else if (!isJsonRequest(req)) {
      next(CommonErrors.unsupportedMediaType());
    } else {
      next();
    }
  };
}
