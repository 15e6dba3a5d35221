import type { AnswerKind } from '@cbd/common';
import { z } from 'zod';

/**
 * What became of one user who arrived: `full` (the product and live recommendations, in time),
 * `degraded` (the product with the fallback, in time), `tooLate` (an answer, after the user's
 * patience: it helped nobody), `failed` (an error answer in time, or a broken connection),
 * `timedOut` (no answer before the client gave up or the run ended), `dropped` (never sent:
 * the load runner's socket budget was used up). Useful = full or degraded.
 */
export const OUTCOMES = ['full', 'degraded', 'tooLate', 'failed', 'timedOut', 'dropped'] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** How the report and the pages name each outcome. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  full: 'full',
  degraded: 'degraded',
  tooLate: 'too late',
  failed: 'failed',
  timedOut: 'timed out',
  dropped: 'dropped',
};

const count = z.int().min(0);
export const outcomeCountsSchema = z.strictObject({
  full: count,
  degraded: count,
  tooLate: count,
  failed: count,
  timedOut: count,
  dropped: count,
});
export type OutcomeCounts = z.infer<typeof outcomeCountsSchema>;

export const emptyCounts = (): OutcomeCounts => ({
  full: 0,
  degraded: 0,
  tooLate: 0,
  failed: 0,
  timedOut: 0,
  dropped: 0,
});

/** A useful outcome: an answer with the product, in time. */
export const isUseful = (o: Outcome): boolean => o === 'full' || o === 'degraded';
export const usefulOf = (c: OutcomeCounts): number => c.full + c.degraded;
export const arrivalsOf = (c: OutcomeCounts): number => OUTCOMES.reduce((sum, o) => sum + c[o], 0);

/** Useful ÷ arrivals, 0..1 (0 when nobody arrived). */
export function usefulShare(c: OutcomeCounts): number {
  const arrivals = arrivalsOf(c);
  return arrivals > 0 ? usefulOf(c) / arrivals : 0;
}

// Bodies are ~600 bytes at thousands per second: a substring test instead of JSON.parse keeps
// the load generator from becoming the bottleneck it is measuring.
const FULL = '"degradedMode":false';
const DEGRADED = '"degradedMode":true';

/** What an answer to GET /product-details/:id gave the user, from its status and body. */
export function classifyAnswer(status: number, body: string): AnswerKind {
  if (status !== 200) return 'failed';
  if (body.includes(FULL)) return 'full';
  if (body.includes(DEGRADED)) return 'degraded';
  // A 200 without a product-details payload is not something a user could use.
  return 'failed';
}

/** An answer that came after the user's patience helped nobody, whatever it carried. */
export function outcomeOfAnswer(kind: AnswerKind, latencyMs: number, patienceMs: number): Outcome {
  return latencyMs > patienceMs ? 'tooLate' : kind;
}
