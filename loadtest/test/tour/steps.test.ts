import { circuitConfigSchema } from '@cbd/gateway-v2/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlOf } from '../../src/runner/control.js';
import { scenarioSettings } from '../../src/scenarios/settings.js';
import { createTour } from '../../src/tour/engine.js';
import type { TourSettings } from '../../src/tour/settings.js';
import { readTourStack, type TourStack } from '../../src/tour/stack.js';
import type { TourStep } from '../../src/tour/step.js';
import { TOUR_STEPS } from '../../src/tour/steps.js';
import { startInProcessStack, type InProcessStack } from '../helpers/in-process-stack.js';
import { answers, fakeIo } from './fake-io.js';

// The real services in-process (breaker timeout 50 ms, reset 200 ms, hang 300 ms, gateway-v1's
// pool of 4), with gateway-v2's rolling window as long as the tour's own stack has it.
let services: InProcessStack;
let stack: TourStack;
const settings: TourSettings = {
  // A patience shorter than the hang: a user of gateway-v1 served only once it healed was
  // served too late, as with the real stack's 3 s hang and 500 ms patience.
  timeline: scenarioSettings({
    quick: true,
    model: 'open',
    rate: 50,
    durationMs: 3500,
    patienceMs: 200,
  }),
  partialMs: 1000,
  loadWindowMs: 500,
};

beforeAll(async () => {
  services = await startInProcessStack({ BREAKER_ROLLING_WINDOW_MS: '10000' });
  stack = await readTourStack(services.targets, undefined);
});
afterAll(() => services.close());

const step = (title: string): TourStep => {
  const found = TOUR_STEPS.find((s) => s.title.startsWith(title));
  if (!found) throw new Error(`no step "${title}"`);
  return found;
};

/** Runs one step alone, as --step does, and returns what it printed and its answer. */
async function run(title: string) {
  const fake = fakeIo();
  const tour = createTour({ steps: [step(title)], stack, settings, io: fake.io, auto: true });
  expect(await tour.run()).toEqual({ how: 'finished', stepsRun: 1 });
  const [answer = ''] = answers(fake.text());
  return { text: fake.text(), answer };
}

// formatMs says "<1 ms" below a millisecond, as a call on an idle machine may take.
const num = (text: string) => (text === '<1' ? 0 : Number(text.replace(/\s/g, '')));

describe('the tour’s steps, each against the real services', () => {
  it('normal operation: when all is healthy, then every call gets live recommendations and the circuit stays closed', async () => {
    const { answer } = await run('Normal operation');

    expect(answer).toMatch(
      /^10 of 10 answered 200 with live recommendations, in a median (?:<1|\d+)\sms; the circuit is CLOSED, with 0 failures in 11 calls to recommendations\.$/,
    );
  });

  it('the story: when recommendations hang, then gateway-v1 waits the hang and fails while gateway-v2 answers the product', async () => {
    const { answer, text } = await run('One hanging dependency');

    const [, v1Ms] =
      /^gateway-v1 answered 50[24] \(\w+\) after (\d+)\sms, with no product; /.exec(answer) ?? [];
    expect(num(v1Ms ?? '0')).toBeGreaterThanOrEqual(250);
    expect(answer).toMatch(
      /gateway-v2 answered 5 of 5 with the product, without recommendations: 3 calls after its 50\sms timeout \(\d+\sms\), then 2 at once \((?:<1|\d+)\sms\), its circuit open\.$/,
    );
    expect(text).toContain('$ time curl -s --max-time 6 ');
  });

  it('trigger opening: when calls time out, then the circuit opens after volumeThreshold of them and rejects the rest far faster', async () => {
    const { answer } = await run('Trigger opening');

    const [, rejected, failed] =
      /^The circuit opened after 3 failed calls .* Rejected calls then took (<1|\d+)\sms, failed ones (\d+)\sms: \S+× faster\.$/.exec(
        answer,
      ) ?? [];
    expect(num(failed ?? '0')).toBeGreaterThanOrEqual(50);
    expect(num(rejected ?? '99')).toBeLessThan(num(failed ?? '0'));
  });

  it('fast fail against slow fail: when timed, then the rejected call is the fastest and the one closed by hand waits the timeout', async () => {
    const { answer } = await run('Fast fail');

    const [, slow] =
      /^The fast fail \(rejected by the open circuit\) took (?:<1|\d+)\sms, the slow fail \(timed out\) (\d+)\sms: \S+× faster\. A healthy call took (?:<1|\d+)\sms/.exec(
        answer,
      ) ?? [];
    expect(num(slow ?? '0')).toBeGreaterThanOrEqual(50);
  });

  it('recovery: when healed, then the circuit goes half-open after the reset timeout and one successful probe closes it', async () => {
    const { answer } = await run('Recovery');

    const [, after] =
      /^The circuit went HALF_OPEN (\d+)\sms after it opened \(its reset timeout is 200\sms\)\. The first call was the probe \(success, \S+\sms\) and that one success closed it/.exec(
        answer,
      ) ?? [];
    expect(num(after ?? '0')).toBeGreaterThanOrEqual(190);
    expect(answer).toMatch(/3 of 3 calls got live recommendations\.$/);
  });

  it('failure in half-open: when still failing, then the one probe fails and the circuit reopens for a whole reset timeout', async () => {
    const { answer } = await run('Failure in HALF_OPEN');

    expect(answer).toMatch(
      /^The one call let through was the probe: it failed \(failure, \S+\sms\) and the circuit went straight back to OPEN\. The next probe may go 200\sms later/,
    );
  });

  it('other thresholds: when volumeThreshold is 1 and the reset timeout doubled, then it opens at the first failure and stays open twice as long', async () => {
    const { answer, text } = await run('Other thresholds');

    expect(answer).toMatch(
      /^With volumeThreshold 3 the circuit opened after 3 failures, with 1 after 1 failure: .* With resetTimeoutMs 400 it stays open 400\sms before its next probe, against 200\sms/,
    );
    expect(text).toContain(`-d '{"volumeThreshold":1,"resetTimeoutMs":400}'`);
    const res = await fetch(`${stack.targets['gateway-v2']}/circuit/config`);
    const config = circuitConfigSchema.parse(await res.json());
    expect(config.options).toEqual(config.startup);
  });

  it('collateral damage: when gateway-v1’s pool is full of hung calls, then its /products/1 waits and gateway-v2’s does not', async () => {
    const { answer } = await run('Collateral damage');

    const [, v1, v2] =
      /^gateway-v1's \/products\/1, which never calls recommendations, waited (\d+)\sms for a place in its pool \(4 of 4 places held by hung calls, \d+ more waiting\); gateway-v2's answered in (<1|\d+)\sms/.exec(
        answer,
      ) ?? [];
    expect(num(v1 ?? '0')).toBeGreaterThan(num(v2 ?? '0') + 50);
  });

  it('load: when recommendations hang under arriving users, then gateway-v2 serves them and gateway-v1 does not, per user', async () => {
    const { answer, text } = await run('Load');

    const [, v1, v2] =
      /^While recommendations hung, gateway-v1 served (\S+)\s% of its \d+ users in time .*, gateway-v2 (\S+)\s% of \d+ /.exec(
        answer,
      ) ?? [];
    expect(num(v1 ?? '100')).toBeLessThan(50);
    expect(num(v2 ?? '0')).toBeGreaterThan(90);
    expect(answer).toContain("gateway-v2's circuit opened");
    expect(text).toMatch(/arrived while\s+gateway-v1\s+gateway-v2/);
  });

  it('partial failure: when half and then 30 % of calls fail, then gateway-v2 serves more users than gateway-v1 at both rates', async () => {
    const { answer } = await run('Partial failure');

    const [, v1Half, v2Half, v1Third, v2Third] =
      /^At 50\s% gateway-v1 served (\S+)\s% of its users, gateway-v2 (\S+)\s% .* At 30\s% gateway-v1 served (\S+)\s% of its users, gateway-v2 (\S+)\s% /.exec(
        answer,
      ) ?? [];
    expect(num(v2Half ?? '0')).toBeGreaterThan(num(v1Half ?? '100'));
    expect(num(v2Third ?? '0')).toBeGreaterThan(num(v1Third ?? '100'));
    expect(answer).toContain('So yes, at both');
  });

  it('when a step starts while calls from before still hang, then it heals the dependency and lets them finish before its own calls', async () => {
    const control = controlOf(services.targets);
    await control.setFailure({ mode: 'hang' });
    const hung = Array.from({ length: 4 }, () =>
      fetch(`${services.targets['gateway-v1']}/product-details/1`).then((r) => r.status),
    );
    await expect.poll(async () => (await control.readFailure()).hanging).toBe(4);

    const { text, answer } = await run('Normal operation');

    expect(text.indexOf('{"mode":"healthy"}')).toBeLessThan(text.indexOf('/circuit/config/reset'));
    expect(answer).toMatch(/^10 of 10 answered 200 with live recommendations/);
    expect((await control.readFailure()).hanging).toBe(0);
    expect(await Promise.all(hung)).toHaveLength(4);
  });
});
