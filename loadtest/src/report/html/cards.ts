import { formatMs, formatPercent, formatRate } from '../format.js';
import { probeFacts } from '../scenario-facts.js';
import { GATEWAYS, type GatewayId, type GatewayRun, type ScenarioResult } from '../schema.js';
import {
  DASH,
  formatMore,
  formatOptionalMs,
  formatSeconds,
  formatSpeedup,
} from '../text-format.js';
import { escapeHtml } from './escape.js';
import { GATEWAY_STYLE } from './palette.js';

interface Card {
  title: string;
  value: (run: GatewayRun) => string;
  foot: string;
}

function cardHtml(card: Card, s: ScenarioResult): string {
  const row = (g: GatewayId) =>
    `<div class="card-row gw-${g}"><span class="gw-tag">${escapeHtml(GATEWAY_STYLE[g].name)}</span><span class="card-value">${escapeHtml(card.value(s.gateways[g]))}</span></div>`;
  return `<div class="card"><h3>${escapeHtml(card.title)}</h3>${GATEWAYS.map(row).join('')}<p class="card-foot">${escapeHtml(card.foot)}</p></div>`;
}

const answered = (run: GatewayRun) => {
  const f = probeFacts(run);
  return f.probes ? `${f.answered}/${f.probes}` : DASH;
};

const recovery = (s: ScenarioResult, g: GatewayId) => {
  const ms = s.comparison.recoveryMs?.[g];
  return ms === null || ms === undefined ? 'not in the run' : formatSeconds(ms);
};

/** The headline numbers of one scenario, large enough to read from the back of a room. */
export function scenarioCards(s: ScenarioResult): string {
  const c = s.comparison;
  const cards: Card[] = [
    {
      title: 'Requests per second',
      value: (r) => formatRate(r.requests.perSecond),
      foot: `gateway-v2: ${formatMore(c.throughputRatio)}`,
    },
    {
      title: 'Got the product',
      value: (r) => formatPercent(r.usefulRate),
      foot: `useful answers/s: ${formatRate(s.gateways.v1.requests.usefulPerSecond)} vs ${formatRate(s.gateways.v2.requests.usefulPerSecond)}`,
    },
    {
      title: 'Latency p99',
      value: (r) => (r.requests.total ? formatMs(r.latencyMs.p99) : DASH),
      foot: `gateway-v2: ${formatSpeedup(c.latencyRatios.p99)}`,
    },
    {
      title: `Probes of ${s.gateways.v1.collateral.path} answered`,
      value: answered,
      foot: `p99: ${formatOptionalMs(s.gateways.v1.collateral.latencyMs?.p99)} vs ${formatOptionalMs(s.gateways.v2.collateral.latencyMs?.p99)}`,
    },
  ];
  if (c.recoveryMs) {
    const opened = c.breakerOpenedAfterMs;
    cards.push({
      title: 'Serving again after the heal',
      value: (r) => recovery(s, r.gateway),
      foot:
        opened === null || opened === undefined
          ? 'the breaker did not open'
          : `breaker opened ${formatSeconds(opened)} into the hang`,
    });
  }
  return `<div class="cards">${cards.map((card) => cardHtml(card, s)).join('')}</div>`;
}
