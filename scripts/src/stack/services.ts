import { fileURLToPath } from 'node:url';
import type { ServiceName } from '@cbd/loadtest';

export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const REPORTS_DIR = `${ROOT_DIR}reports`;

export function entryOf(name: ServiceName): string {
  return `${ROOT_DIR}${name}/src/server.ts`;
}

/** Hosts that listen on every address of the machine: loopback is one of them. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/**
 * Where a launcher's service listening on `host` answers: loopback when it listens on every
 * address (or on loopback), else that address, since a service bound to one LAN address is not
 * on loopback.
 */
export function localUrl(port: number, host = '127.0.0.1'): string {
  const reach = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}
