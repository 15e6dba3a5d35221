import { ChildService } from './child-service.js';

/** Runs a service's src/server.ts as a real process with exactly the environment given. */
export function spawnService(entry: string, env: Record<string, string>): ChildService {
  return new ChildService({ name: entry, entry, env: { PATH: process.env.PATH ?? '', ...env } });
}
