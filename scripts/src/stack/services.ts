import { fileURLToPath } from 'node:url';
import type { ServiceName } from '@cbd/loadtest';

export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const REPORTS_DIR = `${ROOT_DIR}reports`;

export function entryOf(name: ServiceName): string {
  return `${ROOT_DIR}${name}/src/server.ts`;
}

/** Where a launcher's service answers: its port on loopback, whatever HOST it listens on. */
export function localUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}
