import { POOL_STATUS_PATH, poolStatusSchema } from '@cbd/gateway-v1/contract';
import { CIRCUIT_PATHS, circuitConfigSchema, circuitStatusSchema } from '@cbd/gateway-v2/contract';
import {
  FAILURE_PATH,
  failureStateSchema,
  type FailureState,
} from '@cbd/recommendations-service/contract';
import { GATEWAY_SERVICE, GATEWAYS, type GatewayId } from '../model/gateways.js';
import { callsPerSecond } from '../model/observed.js';
import { tryRead } from '../runner/read-json.js';
import { poll } from '../runner/watch.js';
import type { Targets } from '../runner/control.js';
import type { DependencyNow, LiveStatus } from './types.js';

type Totals = { at: number; totals: Record<GatewayId, number> };

/** Calls per second per gateway from two successive reads of the service's running totals. */
export function dependencyOf(reading: FailureState, at: number, before: Totals | undefined) {
  const calls = reading.callers;
  const totals = Object.fromEntries(
    GATEWAYS.map((g) => [g, calls[GATEWAY_SERVICE[g]]?.total ?? 0]),
  ) as Record<GatewayId, number>;
  const perSecond = (g: GatewayId) =>
    callsPerSecond(before && { at: before.at, total: before.totals[g] }, { at, total: totals[g] });
  const now: DependencyNow = {
    gateways: Object.fromEntries(
      GATEWAYS.map((g) => [
        g,
        { perSecond: perSecond(g), inFlight: calls[GATEWAY_SERVICE[g]]?.inFlight ?? 0 },
      ]),
    ) as DependencyNow['gateways'],
    capacity: reading.capacity,
  };
  return { now, totals: { at, totals } };
}

export type PolledStatus = Omit<LiveStatus, 'users'>;

export interface StatusPollOptions {
  targets: Targets;
  intervalMs: number;
  onStatus: (status: PolledStatus) => void;
}

export interface RunningStatusPoll {
  /** Reads now, between the regular reads. */
  refresh(): Promise<void>;
  /** Stops polling; waits for a read in flight. */
  stop(): Promise<void>;
}

/** Reads gateway-v2's breaker, gateway-v1's pool and recommendations' mode together, every intervalMs. */
export function startStatusPoll({
  targets,
  intervalMs,
  onStatus,
}: StatusPollOptions): RunningStatusPoll {
  // Long enough for a busy machine, short enough that one stuck service cannot freeze the rest.
  const timeoutMs = Math.max(1000, intervalMs * 2);
  const v2 = targets['gateway-v2'];
  let started = 0;
  let applied = 0;
  let stopped = false;
  let totals: Totals | undefined;

  const readOnce = async () => {
    const seq = (started += 1);
    const [circuit, breakerConfig, pool, failure] = await Promise.all([
      tryRead(`${v2}${CIRCUIT_PATHS.status}`, circuitStatusSchema, timeoutMs),
      tryRead(`${v2}${CIRCUIT_PATHS.config}`, circuitConfigSchema, timeoutMs),
      tryRead(`${targets['gateway-v1']}${POOL_STATUS_PATH}`, poolStatusSchema, timeoutMs),
      tryRead(
        `${targets['recommendations-service']}${FAILURE_PATH}`,
        failureStateSchema,
        timeoutMs,
      ),
    ]);
    // A refresh and a regular read can overlap: an older read must not overwrite a newer one.
    if (seq < applied || stopped) return;
    applied = seq;
    const at = Date.now();
    const dependency = failure
      ? dependencyOf(failure, at, totals)
      : { now: null, totals: undefined };
    totals = dependency.totals;
    onStatus({
      readAt: new Date(at).toISOString(),
      circuit: circuit ?? null,
      breakerConfig: breakerConfig ?? null,
      failure: failure ?? null,
      pool: pool ?? null,
      dependency: dependency.now,
    });
  };

  const stopPolling = poll(intervalMs, readOnce);

  return {
    refresh: readOnce,
    async stop() {
      stopped = true;
      await stopPolling();
    },
  };
}
