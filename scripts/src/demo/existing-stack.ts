import { setTimeout as sleep } from 'node:timers/promises';
import { readFailureMode, resetBreaker, setFailureMode, type Targets } from '@cbd/loadtest';

export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** --no-start: checks that every service the scenarios need answers /health. */
export async function checkReachable(targets: Targets): Promise<void> {
  for (const [name, url] of Object.entries(targets)) {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
      if (res.status !== 200) throw new Error(`answered ${res.status}`);
    } catch (err) {
      throw new UnreachableError(
        `${name} at ${url} is not reachable (${(err as Error).message}); start the stack first or pass its URL`,
      );
    }
  }
}

/**
 * --no-start, between scenarios: the services cannot be restarted, so heal the dependency,
 * wait until no request still hangs in it (v1's pool drains), and close v2's breaker.
 */
export async function settle(
  targets: Targets,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const recommendations = targets['recommendations-service'];
  await setFailureMode(recommendations, 'healthy');
  const deadline = Date.now() + timeoutMs;
  while ((await readFailureMode(recommendations)).hanging > 0 && Date.now() < deadline) {
    await sleep(250, undefined, { signal });
  }
  await resetBreaker(targets['gateway-v2']);
}
