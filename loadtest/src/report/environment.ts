import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Environment } from './schema.js';

/** The libraries whose versions shape the numbers, and the package that depends on each. */
const LIBRARIES: [name: string, dependent: string][] = [
  ['undici', 'loadtest'],
  ['autocannon', 'loadtest'],
  ['opossum', 'gateway-v2'],
  ['express', 'gateway-v2'],
  ['axios', 'common'],
  ['p-limit', 'common'],
];

async function versionOf(root: string, name: string, dependent: string): Promise<string> {
  try {
    const path = `${root}/${dependent}/node_modules/${name}/package.json`;
    return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** What machine and software produced the numbers (root: the repository's folder). */
export async function collectEnvironment(root: string): Promise<Environment> {
  const versions: Record<string, string> = {};
  for (const [name, dependent] of LIBRARIES)
    versions[name] = await versionOf(root, name, dependent);
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: os.platform(),
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    versions,
  };
}
