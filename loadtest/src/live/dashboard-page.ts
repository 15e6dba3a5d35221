import { CIRCUIT_STYLE, GATEWAY_STYLE } from '../browser/palette.js';
import { GATEWAYS, PROBE_PATH, type GatewayId } from '../model/gateways.js';
import { OUTCOME_LABELS, OUTCOMES } from '../model/outcome.js';
import { escapeHtml } from '../report/html-page.js';
import { BREAKER_PRESETS, CONTROL_MODES, PRESET_DETAILS, controlDetail } from './buttons.js';

// The dashboard's one page. It is static: every number on it arrives over /events and is
// placed by the page's script (pages/live-page.ts) as text. Script and style are files of
// this server (see the Content-Security-Policy in dashboard-app.ts): nothing is inline.

const text = escapeHtml;

const FIGURES = [
  ['waiting', 'users waiting now'],
  ['inTime', 'answered in time / s'],
  ['p99', 'p99 from arrival'],
  ['probe', `${PROBE_PATH} now`],
] as const;

const CHARTS = [
  ['got', 'What users got, second by second'],
  ['waiting', 'Users waiting'],
  ['latency', 'Latency from arrival (log)'],
] as const;

const swatch = (cls: string) => `<span class="swatch fill-${cls}" aria-hidden="true"></span>`;
const outcomeKey = OUTCOMES.map(
  (o) => `<span class="key">${swatch(o)}${text(OUTCOME_LABELS[o])}</span>`,
).join('');
const lineKey = (label: string, cls: string) =>
  `<span class="line-key ${cls}">${text(label)}</span>`;
const bandKey = Object.entries(CIRCUIT_STYLE)
  .map(([state, s]) => `<span class="key">${swatch(state)}${text(s.label)}</span>`)
  .join('');

const poolPanel = `<div class="panel pool">
<h3>Shared upstream pool</h3>
<div class="meter" role="img" aria-label="gateway-v1’s pool in use"><div class="meter-fill fill-v1" id="pool-fill"></div></div>
<p class="pool-numbers"><strong id="pool-in-use">—</strong> <span id="pool-queue"></span></p>
<p class="panel-note">No breaker: each call holds its place until recommendations answer; the rest, ${text(PROBE_PATH)} too, wait in line.</p>
</div>`;

const circuitPanel = `<div class="panel circuit">
<div class="circuit-top">
<div class="badge" id="circuit-badge" data-state="unknown" role="status" aria-live="polite"><span class="badge-icon" aria-hidden="true"></span><span class="badge-text"><span class="badge-label" id="circuit-label">…</span><span class="badge-note" id="circuit-note"></span></span></div>
<div class="circuit-side"><p class="countdown" id="circuit-countdown"></p><p class="panel-note" id="circuit-options"></p></div>
</div>
<table class="counters"><thead><tr id="counters-head"></tr></thead><tbody id="counters-body"></tbody></table>
<ul class="probes" id="circuit-probes" aria-label="Half-open probes"><li>no half-open probe yet</li></ul>
</div>`;

function column(g: GatewayId): string {
  const { name, role } = GATEWAY_STYLE[g];
  const figures = FIGURES.map(
    ([key, label]) =>
      `<div class="figure figure-${key}"><span class="figure-label">${text(label)}</span><span class="figure-value" data-figure="${key}">—</span><span class="figure-note" data-note="${key}"></span></div>`,
  ).join('');
  const keys: Record<(typeof CHARTS)[number][0], string> = {
    got: outcomeKey,
    waiting:
      lineKey('users waiting', 'own') +
      (g === 'v1' ? lineKey('calls waiting for a pool place', 'dotted') : `breaker: ${bandKey}`),
    latency: lineKey('users’ p99', 'own') + lineKey(`${PROBE_PATH}, slowest`, 'dotted'),
  };
  const charts = CHARTS.map(
    ([key, title]) =>
      `<figure class="chart"><figcaption>${text(title)}<span class="keys">${keys[key]}</span></figcaption><div class="canvas-box"><canvas id="${g}-${key}" role="img" aria-label="${text(`${name}: ${title}`)}"></canvas></div></figure>`,
  ).join('\n');
  return `<section class="column gw-${g}" id="column-${g}" aria-labelledby="${g}-title">
<h2 id="${g}-title">${swatch(g)}${text(name)} <span class="role">${text(role)}</span></h2>
<div class="figures">${figures}</div>
${g === 'v1' ? poolPanel : circuitPanel}
<p class="dependency" data-dependency>calls reaching recommendations: <strong>…</strong></p>
${charts}
</section>`;
}

function controls(): string {
  const modes = CONTROL_MODES.map(
    (mode) =>
      `<button type="button" class="mode-button" data-mode="${mode}" aria-pressed="false"><span class="button-name">${mode}</span><span class="button-detail">${text(controlDetail(mode, null))}</span></button>`,
  ).join('');
  const presets = BREAKER_PRESETS.map(
    (preset) =>
      `<button type="button" class="preset-button" data-preset="${preset}" aria-pressed="false"><span class="button-name">${preset}</span><span class="button-detail">${text(PRESET_DETAILS[preset])}</span></button>`,
  ).join('');
  return `<section class="controls" aria-label="Switches">
<div class="control-group"><h2>recommendations-service <span class="now">now: <strong id="mode-current">—</strong> <span id="mode-text"></span></span></h2>
<div class="buttons" role="group" aria-label="Switch the failure mode of recommendations-service">${modes}</div></div>
<div class="control-group"><h2>gateway-v2’s breaker</h2>
<div class="buttons" role="group" aria-label="Breaker presets">${presets}<button type="button" class="reset-button" id="reset-breaker"><span class="button-name">reset</span><span class="button-detail">close the circuit now</span></button></div></div>
<p class="control-message" id="control-message" role="alert"></p>
</section>`;
}

const tourPanel = `<section class="tour" id="tour" aria-labelledby="tour-title">
<p class="tour-step" id="tour-step"></p>
<div class="tour-text"><h2 id="tour-title">…</h2><p class="tour-notice" id="tour-notice"></p></div>
<button type="button" class="tour-next" id="tour-next"><span class="button-name">next step →</span></button>
</section>`;

/** The page; `tour`: whether it has the tour's panel. */
export function renderDashboardPage({ tour }: { tour: boolean }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Circuit breaker demo: live</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/live.css">
<script src="/assets/live.js" defer></script>
</head>
<body>
<header class="top"><h1>Circuit breaker demo <span class="live-tag">live</span></h1>
<p class="top-note" id="load-text">Both gateways under the same users. Break recommendations-service and watch.</p>
<p class="connection" id="connection" data-state="connecting">connecting…</p></header>
${controls()}
${tour ? tourPanel : ''}
<main class="columns">
${GATEWAYS.map(column).join('\n')}
</main>
</body>
</html>
`;
}
