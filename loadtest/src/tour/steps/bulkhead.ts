import { POOL_STATUS_PATH } from '@cbd/gateway-v1/contract';
import { FAILURE_PATH } from '@cbd/recommendations-service/contract';
import { formatCount, formatMs, formatSeconds, formatSpeedup } from '../../browser/format.js';
import { PROBE_PATH } from '../../model/gateways.js';
import { median } from '../../model/stats.js';
import type { Answer } from '../requests.js';
import type { TourStep } from '../step.js';
import { asFailure, asPool, poolView, productView } from '../views.js';
import { details, patientMaxTimeMs } from './calls.js';

const poolStatus = { service: 'gateway-v1', path: POOL_STATUS_PATH, view: poolView } as const;

/** "50 × 502 after 3.0 s": the answers grouped by status, with their median time. */
function grouped(answers: readonly Answer[]): string {
  const groups = new Map<string, number[]>();
  for (const a of answers) {
    const key = a.status === null ? (a.error ?? 'no answer') : String(a.status);
    groups.set(key, [...(groups.get(key) ?? []), a.ms]);
  }
  return [...groups]
    .map(([key, ms]) => `${formatCount(ms.length)} × ${key} after ${formatMs(median(ms) ?? 0)}`)
    .join(', ');
}

export const collateralDamage: TourStep = {
  title: 'Collateral damage: one shared pool',
  intro: ({ services: { v1 } }) =>
    `gateway-v1 sends every upstream call through one shared pool of ${v1.size} places, as a ` +
    'thread-pool server does with its workers. We fill it with product pages whose ' +
    `recommendations hang, then time ${PROBE_PATH}, a route that needs only the healthy ` +
    'product-service, on both gateways.',
  notice: () =>
    `${POOL_STATUS_PATH} shows every place taken. gateway-v1's ${PROBE_PATH} waits in line behind the ` +
    "hung calls although product-service is fine; gateway-v2's does not: each upstream has its " +
    'own connections (a bulkhead), and its recommendations calls time out early.',
  question: 'Does a hanging recommendations service slow down a route that never calls it?',
  async run(t) {
    await t.start({ failure: { mode: 'hang' } });
    const maxTimeMs = patientMaxTimeMs(t.stack);
    const size = asPool(await t.send(poolStatus)).size;
    t.say(
      `\nFill gateway-v1's pool: ${size} product pages at once, each holding a place while recommendations hang.`,
    );
    const hung = t.background(size, details('gateway-v1', { maxTimeMs }));
    await t.until(
      'filling the pool',
      async () => {
        const [pool, failure] = await Promise.all([
          t.peek(poolStatus).then(asPool),
          t.peek({ service: 'recommendations-service', path: FAILURE_PATH }).then(asFailure),
        ]);
        return pool.active >= size && failure.hanging >= size;
      },
      5000,
    );
    const full = asPool(await t.send(poolStatus));
    t.say('Now the product route on each gateway; gateway-v2 first:');
    const product = (service: 'gateway-v1' | 'gateway-v2') => ({
      service,
      path: PROBE_PATH,
      time: true,
      maxTimeMs,
      view: productView,
    });
    const v2 = await t.send(product('gateway-v2'));
    const v1 = await t.send(product('gateway-v1'));
    t.say('The hung calls in the background end with the hang:');
    const answers = await hung.done;
    t.say(`    ${grouped(answers)}`);
    const v1Said =
      v1.status === 200
        ? `waited ${formatMs(v1.ms)} for a place in its pool`
        : `got ${v1.status === null ? 'no answer' : v1.status} after ${formatMs(v1.ms)}`;
    return (
      `gateway-v1's ${PROBE_PATH}, which never calls recommendations, ${v1Said} ` +
      `(${full.active} of ${full.size} places held by hung calls, ${full.waiting} more waiting); ` +
      `gateway-v2's answered in ${formatMs(v2.ms)}: ${formatSpeedup(v2.ms > 0 ? v1.ms / v2.ms : null)}. ` +
      `Yes for gateway-v1, for as long as the hang lasts (${formatSeconds(t.stack.services.recommendations.hangMs)}); ` +
      'no for gateway-v2, whose pools are separate.'
    );
  },
};
