import { fileURLToPath } from 'node:url';
import type { ServiceName } from '@cbd/loadtest';

export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const REPORTS_DIR = `${ROOT_DIR}reports`;

export function entryOf(name: ServiceName): string {
  return `${ROOT_DIR}${name}/src/server.ts`;
}
