import { formatDuration, formatMs, formatSeconds, plural } from '../../browser/format.js';
import type { TourStep } from '../step.js';
import { asCircuit, callKind, detailsView, errorCode } from '../views.js';
import { details, medianMs, ofKind, patientMaxTimeMs, readCircuit } from './calls.js';

const BREAKER_OPTIONS = [
  'timeoutMs',
  'errorThresholdPercentage',
  'volumeThreshold',
  'resetTimeoutMs',
  'rollingWindowMs',
];

export const normalOperation: TourStep = {
  title: 'Normal operation',
  intro: () =>
    "Everything is healthy. We read gateway-v2's circuit breaker, ask for a product page " +
    'through it, then ten more in a row, and read the breaker again: the baseline every later ' +
    'step is compared with.',
  notice: () =>
    'Every answer has live recommendations and "degradedMode": false; the circuit stays ' +
    'CLOSED, and its totals count each call to recommendations (fires) and how it went.',
  question: 'Do all the requests succeed, and what state is the circuit in?',
  async run(t) {
    await t.start({ failure: { mode: 'healthy' } });
    t.say('\nThe breaker, its options and its totals since the gateway started:');
    const counts = ['fires', 'successes', 'failures'];
    const before = asCircuit(
      await t.send(
        readCircuit(['state', 'options', 'totals'], { counts, options: BREAKER_OPTIONS }),
      ),
    );
    t.say('One product page, then ten in a row:');
    await t.send(details('gateway-v2', { view: detailsView }));
    const calls = await t.loop(10, details('gateway-v2'));
    const after = asCircuit(await t.send(readCircuit(['state', 'totals'], { counts })));
    const full = ofKind(calls, 'full');
    const fires = after.totals.fires - before.totals.fires;
    const failures = after.totals.failures - before.totals.failures;
    return (
      `${full.length} of ${calls.length} answered 200 with live recommendations, in a median ` +
      `${medianMs(calls)}; the circuit is ${after.state}, with ${plural(failures, 'failure')} ` +
      `in ${plural(fires, 'call')} to recommendations.`
    );
  },
};

export const hangingDependency: TourStep = {
  title: 'One hanging dependency: gateway-v1 against gateway-v2',
  intro: ({ services }) =>
    `recommendations-service hangs: it holds every request ${formatSeconds(services.recommendations.hangMs)}, then gives up. ` +
    `gateway-v1 has no breaker: it waits up to ${formatSeconds(services.v1.upstreamTimeoutMs)} for recommendations and answers ` +
    'all or nothing. gateway-v2 gives up on them after its breaker timeout and answers the ' +
    'product without them. We time one page on each.',
  notice: () =>
    'gateway-v1 keeps you waiting the whole hang and then gives you no product at all. ' +
    'gateway-v2 answers 200 with "recommendations": [] and "degradedMode": true: after its ' +
    'timeout at first (ETIMEDOUT), then at once (EOPENBREAKER) once its circuit is open.',
  question: 'What does a user get from each gateway while recommendations hang?',
  async run(t) {
    await t.start({ failure: { mode: 'hang' } });
    const maxTimeMs = patientMaxTimeMs(t.stack);
    t.say('\ngateway-v1 first: it waits as long as recommendations hang.');
    const v1 = await t.send(details('gateway-v1', { time: true, maxTimeMs, view: detailsView }));
    t.say('Now gateway-v2, five times in a row:');
    const v2 = await t.loop(5, details('gateway-v2'));
    const v1Said =
      v1.status === null
        ? `gateway-v1 gave no answer within ${formatSeconds(maxTimeMs)}`
        : v1.status === 200
          ? `gateway-v1 answered 200 after ${formatMs(v1.ms)}`
          : `gateway-v1 answered ${v1.status} (${errorCode(v1) ?? 'an error'}) after ${formatMs(v1.ms)}, with no product`;
    const useful = v2.filter((a) => callKind(a) !== 'failed');
    const waited = ofKind(v2, 'timeout');
    const rejected = ofKind(v2, 'rejected');
    const how = [
      waited.length &&
        `${plural(waited.length, 'call')} after its ${formatDuration(t.stack.services.v2.timeoutMs)} timeout (${medianMs(waited)})`,
      rejected.length && `${rejected.length} at once (${medianMs(rejected)}), its circuit open`,
    ].filter(Boolean);
    return (
      `${v1Said}; gateway-v2 answered ${useful.length} of ${v2.length} with the product` +
      `${how.length ? `, without recommendations: ${how.join(', then ')}` : ''}.`
    );
  },
};
