import { type CircuitStatus } from '@cbd/gateway-v2/contract';
import { type FailureState } from '@cbd/recommendations-service/contract';
import { type PoolStatus } from '@cbd/gateway-v1/contract';
import { tryReadJson } from '../runner/read-json.js';
import type { Targets } from '../scenarios/targets.js';
import type { LiveStatus } from './types.js';

export interface StatusPollOptions {
  targets: Targets;
  intervalMs: number;
  onStatus: (status: LiveStatus) => void;
}

export interface RunningStatusPoll {
  /** Reads now, between the regular reads. */
  refresh(): Promise<void>;
  /** Stops polling; waits for a read in flight. */
  stop(): Promise<void>;
}

/** Reads v2's breaker, the failure mode and v1's pool together, every intervalMs. */
export function startStatusPoll({
  targets,
  intervalMs,
  onStatus,
}: StatusPollOptions): RunningStatusPoll {
  // Shorter than the interval would be too tight for a busy machine; longer would let one
  // stuck service freeze the other two readings on the page.
  const timeoutMs = Math.max(1000, intervalMs * 2);
  let started = 0;
  let applied = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const readOnce = async () => {
    const seq = (started += 1);
    const [circuit, failure, pool] = await Promise.all([
      tryReadJson<CircuitStatus>(`${targets['gateway-v2']}/circuit-status`, timeoutMs),
      tryReadJson<FailureState>(`${targets['recommendations-service']}/admin/failure`, timeoutMs),
      tryReadJson<PoolStatus>(`${targets['gateway-v1']}/pool-status`, timeoutMs),
    ]);
    // A refresh and a regular read can overlap: an older read must not overwrite a newer one.
    if (seq < applied || stopped) return;
    applied = seq;
    onStatus({
      readAt: new Date().toISOString(),
      circuit: circuit ?? null,
      failure: failure ?? null,
      pool: pool ?? null,
    });
  };

  const loop = async () => {
    while (!stopped) {
      const began = Date.now();
      await readOnce();
      const rest = Math.max(0, intervalMs - (Date.now() - began));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, rest);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  const running = loop();

  return {
    refresh: readOnce,
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
