import { type FailureMode, type FailureState } from '@cbd/recommendations-service/contract';
import { type PoolStatus } from '@cbd/gateway-v1/contract';
import { formatCount, formatMs } from '../report/format.js';
import { circuitView, type CircuitView } from './circuit-view.js';
import { CONTROL_MODES, controlDetail, type ControlMode } from './controls.js';
import type { LiveStatus } from './types.js';

export interface PoolView {
  /** Share of the pool in use, 0..1; null when v1 did not answer. */
  fill: number | null;
  inUse: string;
  waiting: string;
  note: string;
}

export interface StatusView {
  readAt: string;
  mode: { current: FailureMode | null; text: string };
  controls: { mode: ControlMode; detail: string; active: boolean }[];
  pool: PoolView;
  circuit: CircuitView;
}

function poolView(pool: PoolStatus | null): PoolView {
  if (!pool)
    return {
      fill: null,
      inUse: '—',
      waiting: '',
      note: 'gateway-v1’s /pool-status did not answer',
    };
  return {
    fill: pool.size ? Math.min(1, pool.active / pool.size) : 0,
    inUse: `${formatCount(pool.active)} / ${formatCount(pool.size)} in use`,
    waiting: `${formatCount(pool.waiting)} waiting`,
    note: `one pool for both services; each call may wait ${formatMs(pool.upstreamTimeoutMs)}`,
  };
}

function modeText(failure: FailureState | null): string {
  if (!failure) return 'recommendations-service did not answer';
  return failure.hanging > 0 ? `${formatCount(failure.hanging)} calls held now` : '';
}

/** Everything the page shows besides the charts, formatted here so the page only places text. */
export function statusView(status: LiveStatus): StatusView {
  const { failure } = status;
  return {
    readAt: status.readAt,
    mode: { current: failure?.mode ?? null, text: modeText(failure) },
    controls: CONTROL_MODES.map((mode) => ({
      mode,
      detail: controlDetail(mode, failure),
      active: failure?.mode === mode,
    })),
    pool: poolView(status.pool),
    circuit: circuitView(status.circuit, status.readAt),
  };
}
