import { setTimeout as sleep } from 'node:timers/promises';
import type { Control, Targets } from '@cbd/loadtest';
import { LaunchErrors } from '../errors.js';

/** --no-start: checks that every service the scenarios need answers /health. */
export async function checkReachable(targets: Targets): Promise<void> {
  for (const name of Object.keys(targets) as (keyof Targets)[]) {
    const url = targets[name];
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
      if (res.status !== 200) throw new Error(`answered ${res.status}`);
    } catch (err) {
      throw LaunchErrors.unreachable(name, url, (err as Error).message);
    }
  }
}

/**
 * --no-start, between scenarios: the services cannot be restarted, so heal the dependency,
 * wait until no request still hangs in it (v1's pool drains), and close v2's breaker.
 */
export async function settle(
  control: Control,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  await control.setFailure({ mode: 'healthy' });
  const deadline = Date.now() + timeoutMs;
  while ((await control.readFailure()).hanging > 0 && Date.now() < deadline) {
    await sleep(250, undefined, { signal });
  }
  await control.resetBreaker();
}
