import { absenceReason } from '../table.js';
import type { Report, ScenarioName, ScenarioResult } from '../schema.js';
import { scenarioCards } from './cards.js';
import type { ChartDef } from './chart-types.js';
import { escapeHtml } from './escape.js';
import { CIRCUIT_STYLE, GATEWAY_STYLE } from './palette.js';

const TITLES: Record<ScenarioName, string> = {
  outage: 'Outage: recommendations hang',
  timeline: 'Timeline: healthy → hang → healthy',
};

const paragraphs = (text: string, cls: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p class="${cls}">${escapeHtml(line)}</p>`)
    .join('');

export function header(report: Report): string {
  const mode = report.config.quick ? ' · quick mode (durations ~10× shorter)' : '';
  const key = (['v1', 'v2'] as const)
    .map(
      (g) =>
        `<span class="key gw-${g}"><span class="swatch"></span>${escapeHtml(`${GATEWAY_STYLE[g].name}: ${GATEWAY_STYLE[g].role}`)}</span>`,
    )
    .join('');
  return `<header><h1>Circuit breaker demo: one hanging dependency</h1>
<p class="meta">Report generated ${escapeHtml(report.generatedAt)}${escapeHtml(mode)}</p>
<div class="headline">${paragraphs(report.headline, 'headline-line')}</div>
<div class="keys">${key}</div></header>`;
}

export function narrativeSection(lines: string[]): string {
  const items = lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return `<section id="narrative"><h2>What happened</h2><ol class="narrative">${items}</ol></section>`;
}

const circuitLegend = () =>
  `<p class="band-legend">Top strip, gateway-v2’s breaker: ${Object.entries(CIRCUIT_STYLE)
    .map(
      ([state, s]) =>
        `<span class="band-key"><span class="band-swatch band-${state}"></span>${escapeHtml(s.label)}</span>`,
    )
    .join(' ')}</p>`;

function figure(chart: ChartDef): string {
  return `<figure class="chart${chart.wide ? ' wide' : ''}">
<figcaption><strong>${escapeHtml(chart.title)}</strong><span>${escapeHtml(chart.note)}</span></figcaption>
<div class="canvas-box"><canvas id="${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div>
${chart.circuitBand ? circuitLegend() : ''}</figure>`;
}

export function scenarioSection(
  s: ScenarioResult,
  charts: ChartDef[],
  inHeadline: boolean,
): string {
  const verdict = inHeadline ? '' : `<p class="verdict">${escapeHtml(s.comparison.verdict)}</p>`;
  return `<section class="scenario" id="scenario-${s.name}"><h2>${escapeHtml(TITLES[s.name])}</h2>
<p class="description">${escapeHtml(s.description)}</p>
${scenarioCards(s)}${verdict}
<div class="charts">${charts.map(figure).join('\n')}</div></section>`;
}

export function absentSection(report: Report, name: ScenarioName): string {
  return `<section class="scenario absent" id="scenario-${name}"><h2>${escapeHtml(TITLES[name])}</h2>
<p class="description">Not in this report: ${escapeHtml(absenceReason(report, name))}</p></section>`;
}
