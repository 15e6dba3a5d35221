import type { FailureChange } from '@cbd/recommendations-service/contract';
import type { Answer, TourRequest } from './requests.js';
import type { TourSettings } from './settings.js';
import type { TourStack } from './stack.js';

/**
 * One step of the tour, as plain data and one function: what it says (from the stack's
 * settings, so "waits 30 s" reads "waits 3.0 s" with --quick), and `run`, which puts the stack
 * in the state it needs, sends its requests (each shown as curl) and works out the answer to
 * its question from what it measured.
 */
export interface TourStep {
  /** Short: the header and the dashboard's panel show it. */
  title: string;
  /** What we will do, and why. */
  intro(stack: TourStack): string;
  /** What to look at in the output. */
  notice(stack: TourStack): string;
  question: string;
  /** Resolves with the answer, figures from this run; rejects with an AbortError on quit. */
  run(tools: StepTools): Promise<string>;
}

/** The state a step starts from; everything else goes back to how the stack started. */
export interface StartState {
  /** recommendations-service's mode (and its parameters). */
  failure: FailureChange;
}

/** A view picks the few fields of an answer that matter; the rest is not printed. */
export type View = (body: unknown) => unknown;

export interface Sent extends TourRequest {
  view?: View;
}

/** Requests still in flight in the background (`... &`). */
export interface Background {
  readonly done: Promise<Answer[]>;
}

/** What a step's run is given. Every wait ends early, with an AbortError, on quit. */
export interface StepTools {
  readonly stack: TourStack;
  readonly settings: TourSettings;
  /** Aborted when the tour quits; pass it to anything long the step starts. */
  readonly signal: AbortSignal;
  /** A line of narration between the commands. */
  say(text: string): void;
  /** Prints the request as curl, sends it, prints its answer through `view`; a wait over a second shows a counter. */
  send(req: Sent): Promise<Answer>;
  /** Sends without printing: what the tour reads for itself (e.g. while it polls). */
  peek(req: TourRequest): Promise<Answer>;
  /** Prints a request's curl line without sending it (e.g. one a load scenario sends). */
  show(req: TourRequest, prefix?: string): void;
  /** `for i in {1..n}; do curl ...; done`: one line per answer. */
  loop(n: number, req: Sent): Promise<Answer[]>;
  /** `for i in {1..n}; do curl ... & done`: n at once; their answers are not printed. */
  background(n: number, req: TourRequest): Background;
  /** Waits, with a countdown saying what for. */
  wait(ms: number, what: string): Promise<void>;
  /** Asks `check` until it holds or `timeoutMs` passed (counting down); false if it never held. */
  until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<boolean>;
  /** A progress line that replaces the previous one (a load step's second). */
  status(line: string): void;
  /**
   * The state a step starts from, set with curl lines shown: calls still hanging let finish,
   * gateway-v2's options back to the start-up ones (which also empties its rolling window),
   * its circuit closed, then recommendations-service's mode.
   */
  start(state: StartState): Promise<void>;
}
