import { CIRCUIT_PATHS } from '@cbd/gateway-v2/contract';
import { FAILURE_PATH } from '@cbd/recommendations-service/contract';
import { formatDuration, formatMs, formatSpeedup, NNBSP, plural } from '../../browser/format.js';
import type { StepTools, TourStep } from '../step.js';
import { asCircuit, callKind, configView, failureView } from '../views.js';
import {
  closeCircuit,
  details,
  failedBeforeOpen,
  isFailedCall,
  KIND_WORDS,
  medianMs,
  medianOf,
  ofKind,
  openWindow,
  readCircuit,
  setFailure,
} from './calls.js';

/** Enough failing calls in a row to open the circuit with its start-up options. */
const callsToOpen = (t: StepTools) => Math.max(1, t.stack.services.v2.volumeThreshold);

/** Waits until the open circuit lets its next probe through. */
async function waitForHalfOpen(t: StepTools): Promise<void> {
  const status = asCircuit(await t.send(readCircuit(['state', 'nextAttemptAt'])));
  const open = openWindow(status);
  const { resetTimeoutMs } = t.stack.services.v2;
  t.say(
    `Wait out the reset timeout (${formatDuration(resetTimeoutMs)}): then the circuit lets one call through to see whether recommendations are back.`,
  );
  await t.wait(
    Math.max(0, (open?.nextAt ?? Date.now() + resetTimeoutMs) - Date.now()) + 100,
    'the circuit is open',
  );
  await t.send(readCircuit(['state']));
}

export const triggerOpening: TourStep = {
  title: 'Trigger opening',
  intro: ({ services: { v2 } }) =>
    'recommendations-service hangs, and we send ten calls in a row through gateway-v2. Each ' +
    `waits ${formatDuration(v2.timeoutMs)} (the breaker's timeout) and fails, until at least ` +
    `${v2.volumeThreshold} calls are in its window and over ${v2.errorThresholdPercentage}${NNBSP}% of them failed: then it opens.`,
  notice: () =>
    'The first calls show "degradedReason": "ETIMEDOUT" and take the timeout; after them ' +
    '"EOPENBREAKER": the open circuit answers the fallback without calling recommendations. ' +
    'The totals count the failures, the timeouts and the calls rejected.',
  question: 'How much faster are rejected requests compared to failed requests?',
  async run(t) {
    await t.start({ failure: { mode: 'hang' } });
    t.say('\nIs recommendations-service sick? Ask it:');
    await t.send({ service: 'recommendations-service', path: FAILURE_PATH, view: failureView });
    t.say('Ten calls in a row through gateway-v2:');
    const calls = await t.loop(10, details('gateway-v2'));
    await t.send(
      readCircuit(['state', 'totals', 'transitions'], {
        counts: ['fires', 'failures', 'timeouts', 'rejects'],
      }),
    );
    const failed = calls.filter(isFailedCall);
    const rejected = ofKind(calls, 'rejected');
    const before = failedBeforeOpen(calls);
    if (before === null) {
      return `The circuit did not open in ${calls.length} calls: ${failed.length} failed, in a median ${medianMs(failed)}.`;
    }
    const { volumeThreshold, errorThresholdPercentage } = t.stack.services.v2;
    return (
      `The circuit opened after ${plural(before, 'failed call')} (it waits for ${volumeThreshold} ` +
      `calls in its window, over ${errorThresholdPercentage}${NNBSP}% of them failed). Rejected calls ` +
      `then took ${medianMs(rejected)}, failed ones ${medianMs(failed)}: ` +
      `${formatSpeedup(ratio(medianOf(failed), medianOf(rejected)))}.`
    );
  },
};

const ratio = (a: number | null, b: number | null) => (a !== null && b ? a / b : null);

export const fastFailSlowFail: TourStep = {
  title: 'Fast fail against slow fail',
  intro: ({ services: { v2 } }) =>
    'Three timed calls through gateway-v2: one while the circuit is open (a fast fail), one ' +
    `with the circuit closed by hand while recommendations still hang, which waits the ${formatDuration(v2.timeoutMs)} ` +
    'timeout (a slow fail), and a healthy one for scale.',
  notice: () =>
    'The fast fail and the slow fail carry the same page: the product, no recommendations. ' +
    'Only the wait differs. POST /circuit/reset closes the circuit at once, whatever its window holds.',
  question:
    'How long does a rejected call take, against one that waits for the timeout, and a healthy one?',
  async run(t) {
    await t.start({ failure: { mode: 'hang' } });
    t.say(
      `\nOpen the circuit, as in the step before: ${plural(callsToOpen(t), 'call')} that time out.`,
    );
    await t.loop(callsToOpen(t), details('gateway-v2'));
    await t.send(readCircuit(['state']));
    t.say('Fast fail: the circuit is open, so the gateway does not call recommendations at all.');
    const fast = await t.send(details('gateway-v2', { time: true }));
    t.say('Slow fail: close the circuit by hand; the next call waits for the timeout.');
    await t.send(closeCircuit);
    const slow = await t.send(details('gateway-v2', { time: true }));
    t.say('For scale, a healthy call: heal recommendations, close the circuit again.');
    await t.send(setFailure({ mode: 'healthy' }));
    await t.send(closeCircuit);
    const healthy = await t.send(details('gateway-v2', { time: true }));
    const comparison =
      fast.ms < healthy.ms
        ? 'so a rejected call is faster than even a healthy one: it skips the call to recommendations'
        : 'so a rejected call costs about what a healthy one does';
    return (
      `The fast fail (${KIND_WORDS[callKind(fast)]}) took ${formatMs(fast.ms)}, the slow fail ` +
      `(${KIND_WORDS[callKind(slow)]}) ${formatMs(slow.ms)}: ${formatSpeedup(ratio(slow.ms, fast.ms))}. ` +
      `A healthy call took ${formatMs(healthy.ms)}, ${comparison}.`
    );
  },
};

export const recovery: TourStep = {
  title: 'Recovery through HALF_OPEN',
  intro: ({ services: { v2 } }) =>
    'recommendations-service fails at once (error mode: 503) and the circuit opens. We heal ' +
    `it and wait the reset timeout (${formatDuration(v2.resetTimeoutMs)}): the circuit goes HALF_OPEN, lets one call ` +
    'through as a probe, and decides on that one call.',
  notice: () =>
    'The state reads HALF_OPEN after the reset timeout. The first call is the probe: its ' +
    'success closes the circuit (the probes list records it), and the calls after it get live ' +
    'recommendations again.',
  question: 'How many successful calls does it take to close the circuit again?',
  async run(t) {
    await t.start({ failure: { mode: 'error' } });
    t.say('\nIs recommendations-service failing? Ask it directly:');
    await t.send({ service: 'recommendations-service', path: '/recommendations/1' });
    t.say('Open the circuit:');
    await t.loop(callsToOpen(t) + 2, details('gateway-v2'));
    t.say('Heal recommendations-service:');
    await t.send(setFailure({ mode: 'healthy' }));
    await waitForHalfOpen(t);
    t.say('Three calls:');
    const calls = await t.loop(3, details('gateway-v2'));
    const status = asCircuit(await t.send(readCircuit(['state', 'transitions', 'probes'])));
    const probe = status.probes.at(-1);
    const opened = status.transitions.findLast((tr) => tr.to === 'OPEN');
    const halfOpen = status.transitions.findLast((tr) => tr.to === 'HALF_OPEN');
    if (!probe || !opened || !halfOpen) {
      return `The circuit did not go through HALF_OPEN: it is ${status.state}, and ${ofKind(calls, 'full').length} of ${calls.length} calls got live recommendations.`;
    }
    return (
      `The circuit went HALF_OPEN ${formatMs(Date.parse(halfOpen.at) - Date.parse(opened.at))} after it opened ` +
      `(its reset timeout is ${formatDuration(t.stack.services.v2.resetTimeoutMs)}). The first call was the probe ` +
      `(${probe.result}, ${formatMs(probe.latencyMs)}) and that one success closed it: one is enough, ` +
      `no run of successes is needed. ${ofKind(calls, 'full').length} of ${calls.length} calls got live recommendations.`
    );
  },
};

export const failureInHalfOpen: TourStep = {
  title: 'Failure in HALF_OPEN',
  intro: ({ services: { v2 } }) =>
    'The same, but recommendations-service is still failing when the reset timeout ' +
    `(${formatDuration(v2.resetTimeoutMs)}) has passed: the one probe call fails.`,
  notice: () =>
    'One failed probe sends the circuit straight back to OPEN (the probes list says "to": ' +
    '"OPEN"), and nextAttemptAt moves a whole reset timeout on.',
  question: 'What happens if the dependency fails again during HALF_OPEN?',
  async run(t) {
    await t.start({ failure: { mode: 'error' } });
    t.say('\nOpen the circuit:');
    await t.loop(callsToOpen(t), details('gateway-v2'));
    await waitForHalfOpen(t);
    t.say('One call while recommendations still fail:');
    const probeCall = await t.send(details('gateway-v2', { time: true }));
    const status = asCircuit(
      await t.send(readCircuit(['state', 'nextAttemptAt', 'probes'], { last: 1 })),
    );
    const probe = status.probes.at(-1);
    const open = openWindow(status);
    if (!probe || probe.to !== 'OPEN' || !open) {
      return `The call was ${KIND_WORDS[callKind(probeCall)]} (${formatMs(probeCall.ms)}) and the circuit is ${status.state}.`;
    }
    return (
      `The one call let through was the probe: it failed (${probe.result}, ${formatMs(probe.latencyMs)}) ` +
      `and the circuit went straight back to OPEN. The next probe may go ${formatMs(open.nextAt - open.openedAt)} ` +
      `later, a whole reset timeout again: a dependency still down gets one call per ` +
      `${formatDuration(t.stack.services.v2.resetTimeoutMs)}, not a flood.`
    );
  },
};

export const otherThresholds: TourStep = {
  title: 'Other thresholds',
  intro: ({ services: { v2 } }) =>
    `recommendations-service fails at once. We count the failures it takes to open the circuit with the start-up options (volumeThreshold ${v2.volumeThreshold}), ` +
    'then change the options at run time (POST /circuit/config) to open at the first failure ' +
    'and stay open twice as long, count again, and go back (POST /circuit/config/reset).',
  notice: () =>
    'The answer to POST /circuit/config shows the options now in force and when they changed. ' +
    'A change starts an empty rolling window but keeps the circuit in its state, so we close ' +
    'it by hand before counting again.',
  question:
    'What are the trade-offs of a lower failure threshold? When would you want a longer reset timeout?',
  async run(t) {
    await t.start({ failure: { mode: 'error' } });
    const { volumeThreshold, resetTimeoutMs } = t.stack.services.v2;
    const shown = ['volumeThreshold', 'resetTimeoutMs'];
    t.say(`\nWith the start-up options (volumeThreshold ${volumeThreshold}):`);
    const startup = failedBeforeOpen(await t.loop(5, details('gateway-v2')));
    const longer = resetTimeoutMs * 2;
    t.say('More aggressive: open at the first failure, and stay open twice as long:');
    await t.send({
      method: 'POST',
      service: 'gateway-v2',
      path: CIRCUIT_PATHS.config,
      body: { volumeThreshold: 1, resetTimeoutMs: longer },
      view: configView(shown),
    });
    await t.send(closeCircuit);
    const aggressive = failedBeforeOpen(await t.loop(5, details('gateway-v2')));
    const status = asCircuit(
      await t.send(readCircuit(['state', 'options', 'nextAttemptAt'], { options: shown })),
    );
    const open = openWindow(status);
    t.say('Back to the start-up options:');
    await t.send({
      method: 'POST',
      service: 'gateway-v2',
      path: CIRCUIT_PATHS.configReset,
      view: configView(shown),
    });
    const after = (n: number | null) =>
      n === null ? 'not within 5 calls' : `after ${plural(n, 'failure')}`;
    return (
      `With volumeThreshold ${volumeThreshold} the circuit opened ${after(startup)}, with 1 ${after(aggressive)}: ` +
      'a lower threshold protects sooner, but a single stray error now cuts recommendations off ' +
      `for a whole reset timeout. With resetTimeoutMs ${longer} it stays open ` +
      `${open ? formatMs(open.nextAt - open.openedAt) : formatDuration(longer)} before its next probe, against ${formatDuration(resetTimeoutMs)}: ` +
      'a longer timeout gives a struggling dependency more rest (fewer probes), and keeps users ' +
      'on the fallback that much longer after it has healed.'
    );
  },
};
