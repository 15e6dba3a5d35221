// The requests the steps send most, and the figures they work out of the answers.
import { CIRCUIT_PATHS, type CircuitStatus } from '@cbd/gateway-v2/contract';
import { FAILURE_PATH, type FailureChange } from '@cbd/recommendations-service/contract';
import { formatMs } from '../../browser/format.js';
import { LOAD_PATH } from '../../model/gateways.js';
import { median } from '../../model/stats.js';
import type { Targets } from '../../runner/control.js';
import type { Answer } from '../requests.js';
import type { Sent } from '../step.js';
import { longestWaitMs, type TourStack } from '../stack.js';
import { callKind, circuitView, degradedView, failureView, type CallKind } from '../views.js';

type Gateway = Extract<keyof Targets, 'gateway-v1' | 'gateway-v2'>;

/** GET /product-details/1, the page whose recommendations the whole story is about. */
export const details = (service: Gateway, more: Partial<Sent> = {}): Sent => ({
  service,
  path: LOAD_PATH,
  view: degradedView,
  ...more,
});

export const setFailure = (change: FailureChange): Sent => ({
  method: 'POST',
  service: 'recommendations-service',
  path: FAILURE_PATH,
  body: change,
  view: failureView,
});

export const readCircuit = (...args: Parameters<typeof circuitView>): Sent => ({
  service: 'gateway-v2',
  path: CIRCUIT_PATHS.status,
  view: circuitView(...args),
});

export const closeCircuit: Sent = {
  method: 'POST',
  service: 'gateway-v2',
  path: CIRCUIT_PATHS.reset,
  view: circuitView(['state']),
};

/** curl's --max-time for a call that may wait out the hang: the longest wait, plus 5 s of room. */
export function patientMaxTimeMs(stack: TourStack): number {
  return Math.ceil((longestWaitMs(stack) + 5000) / 1000) * 1000;
}

/** The calls the breaker let through that failed (timed out or errored), as the answers say. */
export const isFailedCall = (a: Answer) => ['timeout', 'error'].includes(callKind(a));

export const ofKind = (answers: readonly Answer[], ...kinds: CallKind[]) =>
  answers.filter((a) => kinds.includes(callKind(a)));

/** The median time of the answers, written as the tour writes every latency. */
export function medianMs(answers: readonly Answer[]): string {
  const m = median(answers.map((a) => a.ms));
  return m === null ? '—' : formatMs(m);
}

export function medianOf(answers: readonly Answer[]): number | null {
  return median(answers.map((a) => a.ms));
}

/** How many calls failed before the first one the open circuit rejected; null if none was. */
export function failedBeforeOpen(answers: readonly Answer[]): number | null {
  const first = answers.findIndex((a) => callKind(a) === 'rejected');
  return first === -1 ? null : answers.slice(0, first).filter(isFailedCall).length;
}

/** When the circuit last opened, and when it may let its next probe through. */
export function openWindow(status: CircuitStatus): { openedAt: number; nextAt: number } | null {
  const opened = status.transitions.findLast((t) => t.to === 'OPEN');
  if (!opened || status.nextAttemptAt === null) return null;
  return { openedAt: Date.parse(opened.at), nextAt: Date.parse(status.nextAttemptAt) };
}

/** What became of a call, in words. */
export const KIND_WORDS: Record<CallKind, string> = {
  full: 'live recommendations',
  rejected: 'rejected by the open circuit',
  timeout: 'timed out',
  error: 'recommendations failed',
  bulkhead: 'bulkhead full',
  failed: 'no product',
};
