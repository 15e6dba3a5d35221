import {
  type BreakerCounts,
  type CircuitState,
  type CircuitStatus,
} from '@cbd/gateway-v2/contract';
import { formatCount, formatMs, formatPercent } from '../report/format.js';

/** gateway-v2's breaker as the page shows it: the badge, the counters and the log. */
export interface CircuitView {
  state: CircuitState | null;
  label: string;
  note: string;
  /** While OPEN: ms from the read until the breaker lets a probe through. */
  probeInMs: number | null;
  /** The share of calls tried in the rolling window that failed: what opens the circuit. */
  errorText: string;
  thresholdText: string;
  windowText: string;
  counters: { name: string; window: string; total: string }[];
  /** Newest first. */
  transitions: { at: string; text: string }[];
}

const STATES: Record<CircuitState, { label: string; note: string }> = {
  CLOSED: { label: 'CLOSED', note: 'calls go through to recommendations' },
  OPEN: { label: 'OPEN', note: 'calls skipped: the fallback answers at once' },
  HALF_OPEN: { label: 'HALF-OPEN', note: 'one probe call decides' },
};

const COUNTERS: [string, keyof BreakerCounts][] = [
  ['calls', 'fires'],
  ['succeeded', 'successes'],
  ['failed', 'failures'],
  ['timed out', 'timeouts'],
  ['skipped', 'rejects'],
  ['fallbacks', 'fallbacks'],
  ['bulkhead full', 'semaphoreRejections'],
];

const SHOWN_TRANSITIONS = 6;

/**
 * Failures among the calls tried in the window. Skipped calls are left out: opossum counts them
 * as fires, which would show an OPEN circuit at "0.1 % failed". While CLOSED nothing is skipped,
 * so this is the share opossum compares with its threshold.
 */
function errorText(stats: BreakerCounts): string {
  const tried = stats.fires - stats.rejects;
  if (tried <= 0) return 'no calls tried';
  const calls = tried === 1 ? 'call' : 'calls';
  return `${formatPercent(Math.min(1, stats.failures / tried))} of ${formatCount(tried)} ${calls} tried`;
}

const option = (status: CircuitStatus, name: keyof CircuitStatus['options']) =>
  status.options[name] ?? 0;

export function circuitView(status: CircuitStatus | null, readAt: string): CircuitView {
  if (!status) {
    return {
      state: null,
      label: 'NO ANSWER',
      note: 'gateway-v2’s /circuit-status did not answer',
      probeInMs: null,
      errorText: '',
      thresholdText: '',
      windowText: 'window',
      counters: [],
      transitions: [],
    };
  }
  const { stats, totals, state } = status;
  const windowMs = option(status, 'rollingWindowMs');
  const probeAt = status.nextAttemptAt === null ? NaN : Date.parse(status.nextAttemptAt);
  return {
    state,
    ...STATES[state],
    probeInMs:
      state === 'OPEN' && Number.isFinite(probeAt)
        ? Math.max(0, probeAt - Date.parse(readAt))
        : null,
    errorText: errorText(stats),
    thresholdText: `opens above ${option(status, 'errorThresholdPercentage')} % failed, from ${option(status, 'volumeThreshold')} calls in ${formatMs(windowMs)}`,
    windowText: `last ${formatMs(windowMs)}`,
    counters: COUNTERS.map(([name, key]) => ({
      name,
      window: formatCount(stats[key]),
      total: formatCount(totals[key]),
    })),
    transitions: status.transitions
      .slice(-SHOWN_TRANSITIONS)
      .reverse()
      .map((tr) => ({ at: tr.at, text: `${STATES[tr.from].label} → ${STATES[tr.to].label}` })),
  };
}
