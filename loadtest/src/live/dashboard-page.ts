import { escapeHtml, jsonForScript } from '../report/html/escape.js';
import { GATEWAY_STYLE, OUTCOME_STYLE } from '../report/html/palette.js';
import { GATEWAYS, OUTCOMES, type GatewayId } from '../report/schema.js';
import { CONTROL_MODES, controlDetail } from './controls.js';

// The page is static: every number on it arrives over /events. Scripts and styles are files
// of this server (see the Content-Security-Policy in dashboard-app.ts), nothing is inline.

const FIGURES = [
  ['rate', 'answers / s'],
  ['useful', 'got the product'],
  ['p99', 'p99 latency'],
] as const;

const CHARTS = [
  ['rate', 'Answers per second'],
  ['latency', 'Latency, log scale: p99 with markers, p50 dotted'],
  ['outcomes', 'What users got, second by second:'],
] as const;

/** The outcome chart's key, in the caption so the plot keeps the same width as the others. */
const outcomeKey = OUTCOMES.map(
  (o) =>
    `<span class="key"><span class="key-swatch outcome-${o}"></span>${o === 'timeout' ? 'timed out' : o}</span>`,
).join('');

function figures(): string {
  const items = FIGURES.map(
    ([key, label]) =>
      `<div class="figure"><span class="figure-label">${label}</span><span class="figure-value" data-figure="${key}">—</span></div>`,
  );
  return `<div class="figures">${items.join('')}</div>`;
}

const poolPanel = `<div class="panel pool">
<h3>Shared upstream pool</h3>
<div class="meter" role="img" aria-label="pool in use"><div class="meter-fill" id="pool-fill"></div></div>
<p class="pool-numbers"><strong id="pool-in-use">—</strong> · <strong id="pool-waiting"></strong></p>
<p class="panel-note" id="pool-note"></p>
<p class="panel-note">No breaker: every request waits for recommendations, holding its place in the pool.</p>
</div>`;

const circuitPanel = `<div class="panel circuit">
<div class="circuit-top">
<div class="circuit-main">
<div class="badge" id="circuit-badge" data-state="unknown" role="status" aria-live="polite"><span class="badge-icon" aria-hidden="true"></span><span class="badge-text"><span class="badge-label" id="circuit-label">…</span><span class="badge-note" id="circuit-note"></span></span></div>
<p class="countdown" id="circuit-countdown"></p>
</div>
<div class="circuit-log"><h3>State changes</h3><ul class="transitions" id="circuit-transitions"></ul></div>
</div>
<p class="error-rate">failed: <strong id="circuit-errors">—</strong> <span class="panel-note" id="circuit-threshold"></span></p>
<table class="counters"><thead><tr id="counters-head"></tr></thead><tbody id="counters-body"></tbody></table>
</div>`;

function column(g: GatewayId): string {
  const { name, role } = GATEWAY_STYLE[g];
  const charts = CHARTS.map(
    ([key, title]) =>
      `<figure class="chart"><figcaption>${escapeHtml(title)}${key === 'outcomes' ? outcomeKey : ''}</figcaption><div class="canvas-box"><canvas id="${g}-${key}" role="img" aria-label="${escapeHtml(`${name}: ${title}`)}"></canvas></div></figure>`,
  );
  return `<section class="column gw-${g}" id="column-${g}" aria-labelledby="${g}-title">
<h2 id="${g}-title"><span class="swatch" aria-hidden="true"></span>${escapeHtml(name)} <span class="role">${escapeHtml(role)}</span></h2>
${figures()}
${g === 'v1' ? poolPanel : circuitPanel}
${charts.join('\n')}
</section>`;
}

function controls(): string {
  const buttons = CONTROL_MODES.map(
    (mode) =>
      `<button type="button" class="mode-button" data-mode="${mode}" aria-pressed="false"><span class="mode-name">${mode}</span><span class="mode-detail">${escapeHtml(controlDetail(mode, null))}</span></button>`,
  );
  return `<section class="controls" aria-labelledby="controls-title">
<div class="mode-now"><h2 id="controls-title">recommendations-service</h2><p>now: <strong id="mode-current">—</strong> <span id="mode-text"></span></p></div>
<div class="mode-buttons" role="group" aria-label="Switch the failure mode of recommendations-service">${buttons.join('')}</div>
<button type="button" class="reset-button" id="reset-breaker"><span class="mode-name">reset breaker</span><span class="mode-detail">close gateway-v2’s circuit now</span></button>
<p class="control-message" id="control-message" role="alert"></p>
</section>`;
}

/** The live dashboard's one page; windowSeconds is how much history its charts show. */
export function renderDashboardPage(windowSeconds: number): string {
  const style = { windowSeconds, gateways: GATEWAY_STYLE, outcomes: OUTCOME_STYLE };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Circuit breaker demo: live</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/live.css">
<script src="/assets/chart.umd.min.js"></script>
<script type="module" src="/assets/main.js"></script>
</head>
<body>
<header class="top"><h1>Circuit breaker demo <span class="live-tag">live</span></h1>
<p class="top-note">Both gateways under the same steady load. Break recommendations-service and watch.</p>
<p class="connection" id="connection" data-state="connecting">connecting…</p></header>
${controls()}
<main class="columns">
${GATEWAYS.map(column).join('\n')}
</main>
<script type="application/json" id="live-style">${jsonForScript(style)}</script>
</body>
</html>
`;
}
