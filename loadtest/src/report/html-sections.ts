import {
  DASH,
  formatCount,
  formatMore,
  formatMs,
  formatOptionalMs,
  formatPercent,
  formatRate,
  formatAfterHeal,
  formatSeconds,
  formatSpeedup,
  plural,
} from '../browser/format.js';
import { CIRCUIT_STYLE, GATEWAY_STYLE } from '../browser/palette.js';
import { GATEWAY_SERVICE, GATEWAYS, type GatewayId } from '../model/gateways.js';
import type { LoadSpec } from '../model/load.js';
import { SERVICE_SETTINGS, type ServiceName } from '../scenarios/services.js';
import { SCENARIO_TITLES, type ScenarioName } from '../scenarios/settings.js';
import type { ChartDef } from './html-charts.js';
import { escapeHtml } from './html-page.js';
import { closedLoopCaveat, describeLoad } from './narrative.js';
import type { GatewayRun, LayersResult, Report, ScenarioResult } from './schema.js';
import {
  absenceReason,
  ERROR_RATE_HEAD,
  errorRateRows,
  layersRows,
  rungHeads,
  scenariosShown,
} from './table.js';

// The HTML report's sections. Each `data-slide` element is one screen of the presentation mode
// (present.ts); in the scrolling page they simply follow one another.

const TITLES = (name: ScenarioName) => SCENARIO_TITLES[name].long;
const SHORT_TITLES = (name: ScenarioName) => SCENARIO_TITLES[name].short;

const text = (value: string) => escapeHtml(value);

function slide(id: string, title: string, inner: string, cls = ''): string {
  return `<section class="slide${cls ? ` ${cls}` : ''}" id="${text(id)}" data-slide data-title="${text(title)}">
${inner}
</section>`;
}

const key = (g: GatewayId) =>
  `<span class="key"><span class="swatch fill-${g}"></span>${text(`${GATEWAY_STYLE[g].name}: ${GATEWAY_STYLE[g].role}`)}</span>`;

export function header(report: Report): string {
  const mode = report.config.quick ? ' · quick mode (durations ~10× shorter)' : '';
  const lines = report.headline
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${text(line)}</p>`)
    .join('');
  return slide(
    'intro',
    'Circuit breaker demo',
    `<h1>Circuit breaker demo: one hanging dependency</h1>
<p class="meta">Report generated ${text(report.generatedAt)}${text(mode)}</p>
<div class="headline">${lines}</div>
<p class="keys">${GATEWAYS.map(key).join('')}</p>`,
    'intro',
  );
}

export function narrativeSection(lines: string[]): string {
  const items = lines.map((line) => `<li>${text(line)}</li>`).join('');
  return slide(
    'narrative',
    'What happened',
    `<h2>What happened</h2><ol class="narrative">${items}</ol>`,
  );
}

interface Card {
  title: string;
  value: (run: GatewayRun) => string;
  foot: string;
}

/** The headline figures of one scenario, per user who arrived, large enough for a room. */
export function scenarioCards(s: ScenarioResult): Card[] {
  const c = s.comparison;
  const { v1, v2 } = s.gateways;
  const path = v1.collateral.path;
  const cards: Card[] = [
    {
      title:
        s.name === 'timeline'
          ? 'Users who got the product in time while recommendations hung'
          : 'Users who got the product in time',
      value: (r) => formatPercent(c.sickUsefulShare[r.gateway]),
      foot:
        s.name === 'timeline'
          ? `whole run: ${formatPercent(v1.users.usefulShare)} vs ${formatPercent(v2.users.usefulShare)}`
          : `of ${formatCount(v1.users.arrivals)} and ${formatCount(v2.users.arrivals)} users`,
    },
    {
      title: 'Useful answers per second',
      value: (r) => formatRate(r.usefulPerSecond),
      foot: `gateway-v2: ${formatMore(c.usefulPerSecondRatio)}`,
    },
    {
      title: 'p99 wait from arrival',
      value: (r) => formatOptionalMs(r.users.latencyMs?.p99),
      foot: `gateway-v2: ${formatSpeedup(c.latencyRatios.p99)}`,
    },
    {
      title: `${path} probes answered in time`,
      value: (r) =>
        r.collateral.probes
          ? `${formatCount(r.collateral.inTime)}/${formatCount(r.collateral.probes)}`
          : DASH,
      foot: `median wait ${formatOptionalMs(v1.collateral.latencyMs?.p50)} vs ${formatOptionalMs(v2.collateral.latencyMs?.p50)}`,
    },
  ];
  if (s.name === 'timeline')
    cards.push({
      title: 'Served in time again after the heal',
      value: (r) => formatAfterHeal(r.recovery?.servedInTimeAfterMs),
      foot:
        c.breakerOpenedAfterMs === null
          ? 'the breaker did not open'
          : `breaker opened ${formatSeconds(c.breakerOpenedAfterMs)} into the hang`,
    });
  return cards;
}

function cardHtml(card: Card, s: ScenarioResult): string {
  const row = (g: GatewayId) =>
    `<div class="card-row gw-${g}"><span class="gw-tag"><span class="swatch fill-${g}"></span>${text(GATEWAY_STYLE[g].name)}</span><span class="card-value">${text(card.value(s.gateways[g]))}</span></div>`;
  return `<div class="card"><h3>${text(card.title)}</h3>${GATEWAYS.map(row).join('')}<p class="card-foot">${text(card.foot)}</p></div>`;
}

const bandKey = () =>
  `<p class="band-key">Top strip, gateway-v2’s breaker: ${Object.entries(CIRCUIT_STYLE)
    .map(
      ([state, s]) =>
        `<span class="key"><span class="swatch fill-${state}"></span>${text(s.label)}</span>`,
    )
    .join(' ')}</p>`;

function chartSlide(s: ScenarioResult, chart: ChartDef): string {
  const list = chart.list.length
    ? `<ul class="chart-list">${chart.list.map((line) => `<li>${text(line)}</li>`).join('')}</ul>`
    : '';
  return slide(
    `${chart.id}-slide`,
    `${SHORT_TITLES(s.name)}: ${chart.title}`,
    `<p class="kicker">${text(SHORT_TITLES(s.name))}</p>
<h3>${text(chart.title)}</h3>
<p class="note">${text(chart.note)}</p>
<div class="canvas-box"><canvas id="${text(chart.id)}" role="img" aria-label="${text(chart.title)}"></canvas></div>
${chart.band ? bandKey() : ''}${list}`,
    'chart',
  );
}

export function scenarioSection(
  s: ScenarioResult,
  charts: ChartDef[],
  inHeadline: boolean,
): string {
  const load = s.gateways.v1.load;
  const caveat = closedLoopCaveat(load);
  const verdict = inHeadline ? '' : `<p class="verdict">${text(s.comparison.verdict)}</p>`;
  const summary = slide(
    `${s.name}-summary`,
    TITLES(s.name),
    `<h2>${text(TITLES(s.name))}</h2>
<p class="description">${text(s.description)} Users: ${text(describeLoad(load))} per gateway; patience ${text(formatSeconds(load.patienceMs))}.</p>
${caveat ? `<p class="caveat">${text(caveat)}</p>` : ''}
<div class="cards">${scenarioCards(s)
      .map((card) => cardHtml(card, s))
      .join('')}</div>
${verdict}`,
    'summary',
  );
  const rates = s.byErrorRate
    ? slide(
        `${s.name}-rates`,
        `${SHORT_TITLES(s.name)}: per share failed`,
        `<p class="kicker">${text(SHORT_TITLES(s.name))}</p>
${table('Per share of recommendations calls failed', ERROR_RATE_HEAD, errorRateRows(s.byErrorRate) as Row[])}
<p class="verdict">${text(s.comparison.verdict)}</p>`,
      )
    : '';
  return `<div class="scenario" id="scenario-${s.name}">
${summary}
${rates}
<div class="charts">${charts.map((chart) => chartSlide(s, chart)).join('\n')}</div>
</div>`;
}

/** The ladder: its table of figures per rung, one sentence per rung, and its charts. */
export function layersSection(l: LayersResult, charts: ChartDef[], inHeadline: boolean): string {
  const load = l.rungs[0]?.run.load;
  const users = load
    ? ` Users: ${describeLoad(load)} per rung; patience ${formatSeconds(load.patienceMs)}. Each rung’s own recommendations-service serves ${plural(l.capacity.limit, 'call')} at once, ${formatMs(l.capacity.workMs)} each.`
    : '';
  const caveat = load ? closedLoopCaveat(load) : null;
  const head = ['', ...rungHeads(l)];
  const summary = slide(
    'layers-summary',
    TITLES('layers'),
    `<h2>${text(TITLES('layers'))}</h2>
<p class="description">${text(l.description)}${text(users)}</p>
${caveat ? `<p class="caveat">${text(caveat)}</p>` : ''}
${table('Each rung, side by side', head, layersRows(l) as Row[])}
${inHeadline ? '' : `<p class="verdict">${text(l.verdict)}</p>`}`,
    'summary',
  );
  const bought = slide(
    'layers-bought',
    `${SHORT_TITLES('layers')}: what each layer bought`,
    `<p class="kicker">${text(SHORT_TITLES('layers'))}</p><h3>What each layer bought</h3>
<ul class="rung-sentences">${l.rungs.map((r) => `<li>${text(r.sentence)}</li>`).join('')}</ul>`,
  );
  const chartSlides = charts.map((chart) =>
    slide(
      `${chart.id}-slide`,
      `${SHORT_TITLES('layers')}: ${chart.title}`,
      `<p class="kicker">${text(SHORT_TITLES('layers'))}</p>
<h3>${text(chart.title)}</h3>
<p class="note">${text(chart.note)}</p>
<div class="canvas-box"><canvas id="${text(chart.id)}" role="img" aria-label="${text(chart.title)}"></canvas></div>`,
      'chart',
    ),
  );
  return `<div class="scenario" id="scenario-layers">
${summary}
${bought}
<div class="charts">${chartSlides.join('\n')}</div>
</div>`;
}

/** On the page, a scenario that did not run keeps its heading and says why; it is no slide. */
export function absentSection(report: Report, name: ScenarioName): string {
  return `<div class="scenario absent" id="scenario-${name}">
<section class="slide summary" id="${name}-summary">
<h2>${text(TITLES(name))}</h2><p class="description">Not in this report: ${text(absenceReason(report))}</p>
</section>
</div>`;
}

type Row = [label: string, ...cells: string[]];

/** `prose`: every cell may wrap; otherwise the values (second column) stay on one line. */
function table(caption: string, head: string[] | null, rows: Row[], prose = false): string {
  const th = head
    ? `<thead><tr>${head.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr></thead>`
    : '';
  const body = rows
    .map(
      ([label, ...cells]) =>
        `<tr><th scope="row">${text(label)}</th>${cells.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="info${prose ? ' prose' : ''}"><caption>${text(caption)}</caption>${th}<tbody>${body}</tbody></table>`;
}

/** A gateway's lag behind the schedule; over the ladder's rungs, the worst of each figure. */
const lag = (runs: GatewayRun[]) => {
  if (runs.length === 0) return DASH;
  const measured = runs.flatMap((r) => (r.schedule ? [r.schedule] : []));
  if (measured.length === 0) return 'not measured (closed loop)';
  const worst = (k: 'p50' | 'p99' | 'max') =>
    formatMs(Math.max(...measured.map((m) => m.lagMs[k])));
  const behind = measured.filter((m) => m.fellBehind).length;
  const note =
    runs.length === 1
      ? behind
        ? ' (fell behind)'
        : ''
      : ` (the worst of ${runs.length} rungs${behind ? `; ${behind} fell behind` : ''})`;
  return `${worst('p50')} / ${worst('p99')} / ${worst('max')}${note}`;
};

/** The load of each scenario, as the report's config and runs state it. */
function loadTable(report: Report): string {
  const { config } = report;
  const names = scenariosShown(report);
  const ran = (name: ScenarioName) => report.scenarios[name];
  const cell = (f: (load: LoadSpec, name: ScenarioName) => string) =>
    names.map((name) => (ran(name) ? f(config.load[name], name) : 'not run'));
  const open = (f: (load: Extract<LoadSpec, { model: 'open' }>) => string) =>
    cell((load) => (load.model === 'open' ? f(load) : DASH));
  const gatewayRuns = (name: ScenarioName, g: GatewayId): GatewayRun[] => {
    const s = ran(name);
    if (!s) return [];
    return 'rungs' in s
      ? s.rungs.filter((r) => r.gateway === g).map((r) => r.run)
      : [s.gateways[g]];
  };
  const duration = (name: ScenarioName) => {
    const phased = (p: { healthyMs: number; hangMs: number; recoveryMs: number }) =>
      `healthy ${formatSeconds(p.healthyMs)}, hang ${formatSeconds(p.hangMs)}, healthy ${formatSeconds(p.recoveryMs)}`;
    if (name === 'outage') return `${formatSeconds(config.outage.durationMs)} per gateway`;
    if (name === 'partial')
      return `${formatSeconds(config.partial.stretchMs)} per share failed (${config.partial.errorRates.map(formatPercent).join(', ')})`;
    return phased(name === 'layers' ? config.layers : config.timeline);
  };
  const rows: Row[] = [
    [
      'model',
      ...cell((l) => (l.model === 'open' ? 'open: users arrive at a rate' : 'closed loop')),
    ],
    ['users per second, per gateway', ...open((l) => formatRate(l.rate))],
    [
      'connections per gateway',
      ...cell((l) => (l.model === 'closed' ? formatCount(l.connections) : DASH)),
    ],
    [
      'arrivals',
      ...open((l) => (l.arrivals === 'poisson' ? `Poisson (seed ${l.seed})` : 'evenly spaced')),
    ],
    ['patience (later is too late)', ...cell((l) => formatMs(l.patienceMs))],
    ['client timeout', ...cell((l) => formatMs(l.clientTimeoutMs))],
    ['socket budget (in flight at most)', ...open((l) => formatCount(l.socketBudget))],
    ['duration', ...cell((_l, name) => duration(name))],
    [
      'users who arrived (v1 / v2; the ladder: per rung)',
      ...cell((_l, name) => {
        const [a, b] = [gatewayRuns(name, 'v1')[0], gatewayRuns(name, 'v2')[0]];
        if (name === 'layers') return a ? formatCount(a.users.arrivals) : DASH;
        return a && b
          ? `${formatCount(a.users.arrivals)} / ${formatCount(b.users.arrivals)}`
          : DASH;
      }),
    ],
    ...GATEWAYS.map((g): Row => [
      `schedule lag, ${GATEWAY_STYLE[g].name} (p50 / p99 / max)`,
      ...cell((_l, name) => lag(gatewayRuns(name, g))),
    ]),
  ];
  const general: Row[] = [
    ['quick mode (~10× shorter)', config.quick ? 'yes' : 'no'],
    ['answers waited for after the last arrival', formatMs(config.tailMs)],
    ...Object.entries(config.targets).map(([name, url]): Row => [name, url]),
  ];
  return `${table('The load', ['', ...names.map((n) => SHORT_TITLES(n))], rows, true)}
${table('The run', null, general, true)}`;
}

const SERVICE_OF: Record<keyof Report['config']['services'], ServiceName> = {
  recommendations: 'recommendations-service',
  ...GATEWAY_SERVICE,
};

const humanize = (key: string) =>
  key
    .replace(/Ms$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

function settingValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') return JSON.stringify(value);
  if (key.endsWith('Ms')) return formatMs(value);
  if (key.endsWith('Percentage')) return `${formatCount(value, Number.isInteger(value) ? 0 : 1)} %`;
  if (key.endsWith('Rate') && value <= 1) return formatPercent(value);
  return formatCount(value, Number.isInteger(value) ? 0 : 2);
}

/**
 * One table per service: every option the running stack reported, so a setting added to a
 * service shows up here without a change; named by its variable and meaning where the service
 * defines one under that name.
 */
function serviceTables(report: Report): { name: string; table: string }[] {
  return Object.entries(report.config.services).map(([service, values]) => {
    const name = SERVICE_OF[service as keyof typeof SERVICE_OF];
    const defs = SERVICE_SETTINGS[name] as Record<
      string,
      { env: string; meaning: string } | undefined
    >;
    const rows = Object.entries(values as Record<string, unknown>).map(([option, value]): Row => {
      const def = defs[option];
      return [
        def ? def.env : humanize(option),
        settingValue(option, value),
        def ? def.meaning : 'as read before the run',
      ];
    });
    return { name, table: table(name, ['', 'value', 'meaning'], rows) };
  });
}

function environmentTable(report: Report): string {
  const env = report.environment;
  const rows: Row[] = [
    ['Node.js', env.node],
    ['platform', `${env.platform} ${env.arch}`],
    ['CPU', `${env.cpus} × ${env.cpuModel}`],
    ['memory', `${env.memoryGb} GB`],
    ...Object.entries(env.versions).map(([name, version]): Row => [name, version]),
  ];
  return table('The machine and the libraries', null, rows, true);
}

export function configurationSection(report: Report): string {
  return `<div class="how" id="configuration">
${slide(
  'how-load',
  'How the numbers were made',
  `<h2>How the numbers were made</h2><div class="tables">${loadTable(report)}\n${environmentTable(report)}</div>`,
)}
${serviceTables(report)
  .map(({ name, table: t }) =>
    slide(
      `how-${name}`,
      `How the numbers were made: ${name}`,
      `<p class="kicker">How the numbers were made: the services’ settings</p><div class="tables services">${t}</div>`,
    ),
  )
  .join('\n')}
</div>`;
}

export function footer(report: Report): string {
  return `<footer>The full report is embedded in this page (the JSON in script#report-data). Generated ${text(report.generatedAt)}.</footer>`;
}
