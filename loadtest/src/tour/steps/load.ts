import { CIRCUIT_PATHS, type CircuitStatus } from '@cbd/gateway-v2/contract';
import {
  formatCount,
  formatDuration,
  formatOptionalMs,
  formatPercent,
  NNBSP,
  plural,
} from '../../browser/format.js';
import { breakerStory } from '../../model/circuit.js';
import { LOAD_PATH } from '../../model/gateways.js';
import { summarizeUsers, type UsersSummary } from '../../model/load.js';
import type { PhaseStats } from '../../model/phases.js';
import { toGatewayRun } from '../../report/build.js';
import { startOpenLoad } from '../../runner/arrivals.js';
import { controlOf } from '../../runner/control.js';
import type { SecondReport } from '../../scenarios/progress.js';
import { runTimeline } from '../../scenarios/timeline.js';
import type { StepTools, TourStep } from '../step.js';
import { asCircuit, configView } from '../views.js';
import { closeCircuit, readCircuit, setFailure } from './calls.js';

const restoreOptions = (shown: string[], view?: { changedAt: boolean }) =>
  ({
    method: 'POST',
    service: 'gateway-v2',
    path: CIRCUIT_PATHS.configReset,
    view: configView(shown, view),
  }) as const;

/** 0.3 -> "30 %": a failure rate as set, not as measured. */
const ratePercent = (rate: number) => `${Math.round(rate * 100)}${NNBSP}%`;

function progress({ t, mode, lanes }: SecondReport, totalMs: number): string {
  const part = (name: string, s: SecondReport['lanes'][string] | undefined) => {
    if (!s) return '';
    const pool = s.pool ? `, pool ${s.pool.active}/${s.pool.size}` : '';
    const circuit = s.circuit ? `, breaker ${s.circuit}` : '';
    return ` · ${name}: ${formatCount(s.waiting)} waiting${pool}${circuit}`;
  };
  return `    ${t + 1} s of ${formatDuration(totalMs)}, ${mode}${part('v1', lanes.v1)}${part('v2', lanes.v2)} (q quits)`;
}

/** "100 users · 0 % useful · p50 3.0 s". */
const usersCell = (users: UsersSummary) =>
  `${plural(users.arrivals, 'user')} · ${formatPercent(users.usefulShare)} useful · p50 ${formatOptionalMs(users.latencyMs?.p50)}`;

const degradedShare = (users: UsersSummary) =>
  users.arrivals ? users.outcomes.degraded / users.arrivals : 0;

function phaseTable(v1: readonly PhaseStats[], v2: readonly PhaseStats[]): string[] {
  const cell = (users: UsersSummary) =>
    `${formatCount(users.arrivals)} · ${formatPercent(users.usefulShare)} · ${formatOptionalMs(users.latencyMs?.p50)}`;
  const column = 30;
  return [
    `    ${'arrived while'.padEnd(16)}${'gateway-v1'.padEnd(column)}gateway-v2`,
    ...v1.map((phase, i) => {
      const when = `${phase.mode} ${formatDuration(phase.endMs - phase.startMs)}`;
      const other = v2[i];
      return `    ${when.padEnd(16)}${cell(phase.users).padEnd(column)}${other ? cell(other.users) : ''}`;
    }),
    '    (users · useful: the product, with or without recommendations, within their',
    '    patience · p50: the median wait from arrival)',
  ];
}

export const loadWithFailures: TourStep = {
  title: 'Load: failures injected and healed',
  intro: () =>
    'Users now arrive at both gateways at a steady rate, each asking for a product page ' +
    'whatever the gateway is doing, while recommendations-service goes healthy, then hangs, ' +
    'then heals. Every figure is per user who arrived; a user whose answer takes longer than ' +
    'their patience counts as served too late.',
  notice: () =>
    "During the hang gateway-v1's users pile up waiting (its pool fills and stays full) and " +
    "almost none is served in time; gateway-v2's circuit opens and its users keep getting the " +
    'page, without recommendations, at once. After the heal v2 probes and closes; v1 still has ' +
    'a backlog to work through.',
  question:
    'What do users get from each gateway while recommendations hang, and how soon after the heal is each one useful again?',
  async run(t) {
    await t.start({ failure: { mode: 'healthy' } });
    const { timeline, loadWindowMs } = t.settings;
    const { healthyMs, hangMs, recoveryMs } = timeline.timeline;
    const load = timeline.load.timeline;
    const totalMs = healthyMs + hangMs + recoveryMs;
    t.say(
      `\nUnder load a ${formatDuration(t.stack.services.v2.rollingWindowMs)} window full of the healthy phase's successes would delay ` +
        `the opening: give the breaker the ${formatDuration(loadWindowMs)} window pnpm demo runs it with.`,
    );
    await t.send({
      method: 'POST',
      service: 'gateway-v2',
      path: CIRCUIT_PATHS.config,
      body: { rollingWindowMs: loadWindowMs },
      view: configView(['rollingWindowMs']),
    });
    const rate = load.model === 'open' ? `${formatCount(load.rate)} users a second` : 'users';
    t.say(
      `Now ${rate} arrive at each gateway for ${formatDuration(totalMs)} (patience ${formatDuration(load.patienceMs)}), sent by loadtest's ` +
        'open-model runner (`pnpm demo --scenario timeline` runs the same, longer). It switches recommendations-service as you would:',
    );
    t.show(setFailure({ mode: 'hang' }), `at ${formatDuration(healthyMs)}:  `);
    t.show(setFailure({ mode: 'healthy' }), `at ${formatDuration(healthyMs + hangMs)}:  `);
    const { targets, adminToken } = t.stack;
    const recording = await runTimeline(
      { targets, control: controlOf(targets, adminToken) },
      timeline,
      {
        signal: t.signal,
        onSecond: (second) => t.status(progress(second, totalMs)),
      },
    );
    t.status('');
    const v1 = toGatewayRun(recording.gateways.v1, recording.phases);
    const v2 = toGatewayRun(recording.gateways.v2, recording.phases);
    for (const line of phaseTable(v1.phases, v2.phases)) t.say(line);
    await t.send(readCircuit(['state', 'transitions'], { last: 4 }));
    t.say('Back to the start-up window:');
    await t.send(restoreOptions(['rollingWindowMs']));

    const sick = recording.phases.findIndex((p) => p.mode !== 'healthy');
    const [sickV1, sickV2] = [v1.phases[sick], v2.phases[sick]];
    const healedAt = recording.phases[sick + 1]?.startMs ?? null;
    const story = v2.circuit && sickV2 ? breakerStory(v2.circuit, sickV2.startMs, healedAt) : null;
    if (!sickV1 || !sickV2) return 'The run ended before recommendations-service hung.';
    const breaker =
      story?.openedAfterMs == null
        ? "gateway-v2's circuit did not open"
        : `gateway-v2's circuit opened ${formatDuration(story.openedAfterMs)} into the hang` +
          (story.closedAfterHealMs === null
            ? ' and had not closed when the run ended'
            : ` and closed ${formatDuration(story.closedAfterHealMs)} after the heal`);
    const served = v1.recovery?.servedInTimeAfterMs;
    return (
      `While recommendations hung, gateway-v1 served ${formatPercent(sickV1.users.usefulShare)} of its ` +
      `${formatCount(sickV1.users.arrivals)} users in time (p50 wait ${formatOptionalMs(sickV1.users.latencyMs?.p50)}), ` +
      `gateway-v2 ${formatPercent(sickV2.users.usefulShare)} of ${formatCount(sickV2.users.arrivals)} ` +
      `(${formatPercent(degradedShare(sickV2.users))} without recommendations; p50 ${formatOptionalMs(sickV2.users.latencyMs?.p50)}). ` +
      `${breaker}; gateway-v1 ${servedAgain(served)}.`
    );
  },
};

function servedAgain(afterMs: number | null | undefined): string {
  if (afterMs == null) return 'was not serving users in time again when the run ended';
  // The recovery is measured in whole seconds.
  if (afterMs < 1000) return 'served users in time again within a second of the heal';
  return `served users in time again ${formatDuration(afterMs)} after the heal`;
}

interface PartialRun {
  rate: number;
  v1: UsersSummary;
  v2: UsersSummary;
  opened: number;
  /** Calls to recommendations the open circuit skipped, of all gateway-v2 tried. */
  skipped: number;
}

async function partialRun(t: StepTools, rate: number): Promise<PartialRun> {
  const { timeline, partialMs } = t.settings;
  const load = timeline.load.timeline;
  if (load.model !== 'open') throw new Error('the tour loads the gateways with arriving users');
  t.say(`\n${ratePercent(rate)} of recommendation calls fail:`);
  await t.send(setFailure({ mode: 'partial', errorRate: rate }));
  await t.send(restoreOptions(['volumeThreshold'], { changedAt: false }));
  await t.send(closeCircuit);
  const before = asCircuit(await t.peek({ service: 'gateway-v2', path: CIRCUIT_PATHS.status }));
  t.say(
    `${formatCount(load.rate)} users a second at each gateway for ${formatDuration(partialMs)}, as in the step before:`,
  );
  const t0 = Date.now();
  const runs = (['gateway-v1', 'gateway-v2'] as const).map((gateway) =>
    startOpenLoad({
      url: `${t.stack.targets[gateway]}${LOAD_PATH}`,
      load,
      durationMs: partialMs,
      tailMs: timeline.tailMs,
      t0,
      signal: t.signal,
    }),
  );
  const ticker = setInterval(() => {
    const [v1, v2] = runs;
    t.status(
      `    ${formatDuration(Date.now() - t0)} of ${formatDuration(partialMs)} · v1: ${formatCount(v1?.arrived ?? 0)} users · v2: ${formatCount(v2?.arrived ?? 0)} users (q quits)`,
    );
  }, 250);
  let recorded;
  try {
    recorded = await Promise.all(runs.map((r) => r.done));
  } finally {
    clearInterval(ticker);
    t.status('');
  }
  t.signal.throwIfAborted();
  const after = asCircuit(
    await t.send(
      readCircuit(['state', 'totals', 'transitions'], { counts: ['fires', 'failures', 'rejects'] }),
    ),
  );
  const [v1, v2] = recorded.map((r) => summarizeUsers(r.arrivals)) as [UsersSummary, UsersSummary];
  const result = {
    rate,
    v1,
    v2,
    opened: opensSince(after, t0),
    skipped: skippedShare(before, after),
  };
  t.say(
    `    gateway-v1: ${usersCell(v1)} (${formatPercent(share(v1.outcomes.failed, v1))} an error)`,
  );
  t.say(
    `    gateway-v2: ${usersCell(v2)} (${formatPercent(share(v2.outcomes.full, v2))} with recommendations); ` +
      `its circuit opened ${plural(result.opened, 'time')}, skipping ${formatPercent(result.skipped)} of its calls`,
  );
  return result;
}

const share = (n: number, users: UsersSummary) => (users.arrivals ? n / users.arrivals : 0);

function opensSince(status: CircuitStatus, t0: number): number {
  return status.transitions.filter((tr) => tr.to === 'OPEN' && Date.parse(tr.at) >= t0).length;
}

function skippedShare(before: CircuitStatus, after: CircuitStatus): number {
  const fires = after.totals.fires - before.totals.fires;
  return fires > 0 ? (after.totals.rejects - before.totals.rejects) / fires : 0;
}

export const partialFailure: TourStep = {
  title: 'Partial failure: 50 % and 30 %',
  intro: ({ services: { v2 } }) =>
    'recommendations-service fails only some of its calls, at once (503): first half of them, ' +
    `then 30${NNBSP}%. Users arrive at both gateways as in the step before. gateway-v2 opens when over ` +
    `${v2.errorThresholdPercentage}${NNBSP}% of the calls in its window fail.`,
  notice: () =>
    'gateway-v1 turns each failed recommendations call into an error for the user; gateway-v2 ' +
    'into a page without recommendations. Compare how often its circuit opened at each rate, ' +
    'and the share of calls it skipped.',
  question: 'Does the circuit breaker still help with a 50 % failure rate? What about 30 %?',
  async run(t) {
    await t.start({ failure: { mode: 'healthy' } });
    const half = await partialRun(t, 0.5);
    const third = await partialRun(t, 0.3);
    const said = (r: PartialRun) =>
      `At ${ratePercent(r.rate)} gateway-v1 served ${formatPercent(r.v1.usefulShare)} of its users, ` +
      `gateway-v2 ${formatPercent(r.v2.usefulShare)} (${formatPercent(share(r.v2.outcomes.full, r.v2))} with live recommendations); ` +
      `its circuit opened ${plural(r.opened, 'time')}` +
      (r.opened
        ? ` and skipped ${formatPercent(r.skipped)} of its calls to recommendations.`
        : '.');
    const helps = [half, third].every((r) => r.v2.usefulShare > r.v1.usefulShare);
    const { errorThresholdPercentage } = t.stack.services.v2;
    return (
      `${said(half)} ${said(third)} ` +
      (helps
        ? 'So yes, at both: the fallback turns each failed call into a page without recommendations instead of an error. '
        : 'gateway-v2 did not serve more users than gateway-v1 at both rates this time. ') +
      `The breaker itself acts only above its ${errorThresholdPercentage}${NNBSP}% threshold: ` +
      (third.opened === 0
        ? `at ${ratePercent(third.rate)} it never opened, so every call still went to the sick service.`
        : `at ${ratePercent(third.rate)} it opened ${plural(third.opened, 'time')}, on bursts of failures.`)
    );
  },
};
