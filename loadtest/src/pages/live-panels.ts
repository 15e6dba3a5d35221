/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { BreakerCounts, CircuitState } from '@cbd/gateway-v2/contract';
import { CONTROL_MODES, controlDetail, presetOf } from '../live/buttons.js';
import type { LiveSecond, LiveStatus, ProbeNow, TourView } from '../live/types.js';
import type { LoadSpec } from '../model/load.js';
import {
  DASH,
  formatCount,
  formatDuration,
  formatMs,
  formatOptionalMs,
  formatRate,
  formatSeconds,
  plural,
  probeVerdict,
} from '../browser/format.js';
import { CIRCUIT_STYLE } from '../browser/palette.js';
import { GATEWAYS, PROBE_PATH, type GatewayId } from '../model/gateways.js';

// Everything on the live page besides the charts: each value placed as text (never as markup),
// formatted as the report formats it.

const byId = (id: string) => document.getElementById(id);
const setText = (element: Element | null, value: string) => {
  if (element && element.textContent !== value) element.textContent = value;
};
const inColumn = (g: GatewayId, selector: string) =>
  document.querySelector(`#column-${g} ${selector}`);

const BADGE_NOTES: Record<CircuitState, string> = {
  CLOSED: 'calls go through to recommendations',
  OPEN: 'calls skipped: the fallback answers at once',
  HALF_OPEN: 'one probe call decides',
};

const COUNTERS: [string, keyof BreakerCounts][] = [
  ['calls', 'fires'],
  ['succeeded', 'successes'],
  ['failed', 'failures'],
  ['timed out', 'timeouts'],
  ['skipped (open)', 'rejects'],
  ['fallbacks', 'fallbacks'],
  ['bulkhead full', 'semaphoreRejections'],
];
const SHOWN_PROBES = 3;

/** "12:03:04" in local time. */
const clock = (iso: string) => new Date(iso).toTimeString().slice(0, 8);

export function describeLiveLoad(load: LoadSpec | null, patienceMs: number): string {
  if (!load)
    return `No users: only the tour’s own calls and the probes of ${PROBE_PATH}; an answer after ${formatSeconds(patienceMs)} is too late.`;
  const how =
    load.model === 'open'
      ? `${formatRate(load.rate)} users arrive per second at each gateway, whatever it does`
      : `a closed loop of ${plural(load.connections, 'connection')} per gateway, each waiting for its answer`;
  return `${how}; an answer after ${formatSeconds(load.patienceMs)} is too late.`;
}

function probeFigure(probe: ProbeNow, patienceMs: number): [string, string] {
  if (probe.oldestMs !== null && probe.oldestMs > patienceMs)
    return [
      formatDuration(probe.oldestMs),
      `no answer yet (${formatCount(probe.waiting)} waiting)`,
    ];
  if (!probe.last) return [DASH, 'not probed yet'];
  const { ms, status, inTime } = probe.last;
  const note = inTime
    ? 'in time'
    : status === null
      ? 'no answer'
      : status !== 200
        ? `error ${status}`
        : 'too late';
  return [formatMs(ms), note];
}

/** The figures that change each second: answered in time and p99 over the last second. */
export function showSecond(second: LiveSecond): void {
  for (const g of GATEWAYS) {
    const s = second.gateways[g];
    setText(inColumn(g, '[data-figure="inTime"]'), formatCount(s.answeredInTime));
    // Answers that came in this second, beside the users who came in it: not a share, since
    // gateway-v1's answers belong to users who arrived up to 30 s before.
    setText(inColumn(g, '[data-note="inTime"]'), `${formatCount(s.arrived)} users came meanwhile`);
    setText(inColumn(g, '[data-figure="p99"]'), formatOptionalMs(s.p99));
    setText(
      inColumn(g, '[data-note="p99"]'),
      s.p99 === null ? 'nobody answered' : `p50 ${formatOptionalMs(s.p50)}`,
    );
  }
}

function showPool(pool: LiveStatus['pool']) {
  const fill = byId('pool-fill');
  if (!pool) {
    setText(byId('pool-in-use'), 'gateway-v1’s /pool-status did not answer');
    setText(byId('pool-queue'), '');
    if (fill) fill.style.width = '0';
    return;
  }
  if (fill) fill.style.width = `${Math.round(Math.min(1, pool.active / pool.size) * 100)}%`;
  setText(
    byId('pool-in-use'),
    `${formatCount(pool.active)} / ${formatCount(pool.size)} places in use`,
  );
  setText(byId('pool-queue'), `· ${plural(pool.waiting, 'call')} waiting in line`);
}

function cell(tag: 'th' | 'td', value: string, scope?: string) {
  const element = document.createElement(tag);
  element.textContent = value;
  if (scope) element.setAttribute('scope', scope);
  return element;
}

function showCircuit(status: LiveStatus) {
  const { circuit, breakerConfig } = status;
  const badge = byId('circuit-badge');
  if (badge) {
    badge.dataset.state = circuit?.state ?? 'unknown';
    badge.className = circuit ? `badge fill-${circuit.state}` : 'badge';
  }
  setText(byId('circuit-label'), circuit ? CIRCUIT_STYLE[circuit.state].label : 'NO ANSWER');
  setText(
    byId('circuit-note'),
    circuit ? BADGE_NOTES[circuit.state] : 'gateway-v2’s /circuit-status did not answer',
  );
  const o = circuit?.options;
  setText(
    byId('circuit-options'),
    o
      ? `timeout ${formatMs(o.timeoutMs)} · opens above ${o.errorThresholdPercentage} % failed of ≥ ${formatCount(o.volumeThreshold)} calls in ${formatMs(o.rollingWindowMs)} · probes after ${formatMs(o.resetTimeoutMs)}`
      : '',
  );
  byId('counters-head')?.replaceChildren(
    cell('th', ''),
    ...COUNTERS.map(([name]) => cell('th', name, 'col')),
  );
  const row = (title: string, counts: BreakerCounts) => {
    const tr = document.createElement('tr');
    tr.append(
      cell('th', title, 'row'),
      ...COUNTERS.map(([, key]) => cell('td', formatCount(counts[key]))),
    );
    return tr;
  };
  byId('counters-body')?.replaceChildren(
    ...(circuit && o
      ? [
          row(`last ${formatMs(o.rollingWindowMs)}`, circuit.stats),
          row('since start', circuit.totals),
        ]
      : []),
  );
  const probes = circuit?.probes.slice(-SHOWN_PROBES).reverse() ?? [];
  const item = (value: string, result?: string) => {
    const li = document.createElement('li');
    if (result) li.dataset.result = result;
    li.textContent = value;
    return li;
  };
  const items = probes.map((p) =>
    item(`half-open probe ${clock(p.at)}: ${probeVerdict(p)}`, p.result),
  );
  byId('circuit-probes')?.replaceChildren(
    ...(items.length ? items : [item('no half-open probe yet')]),
  );
  for (const button of document.querySelectorAll<HTMLElement>('.preset-button')) {
    const active =
      breakerConfig !== null &&
      presetOf(breakerConfig.options, breakerConfig.startup) === button.dataset.preset;
    button.setAttribute('aria-pressed', String(active));
  }
}

function showControls(failure: LiveStatus['failure'], dependency: LiveStatus['dependency']) {
  setText(byId('mode-current'), failure?.mode ?? DASH);
  const held = failure && failure.hanging > 0 ? `${plural(failure.hanging, 'call')} held now` : '';
  const capacity = dependency?.capacity;
  const workers =
    capacity && capacity.limit > 0
      ? `workers ${formatCount(capacity.busy)} / ${formatCount(capacity.limit)}, ${formatCount(capacity.queued)} in line`
      : '';
  setText(
    byId('mode-text'),
    failure ? [held, workers].filter(Boolean).join(' · ') : 'did not answer',
  );
  for (const button of document.querySelectorAll<HTMLElement>('.mode-button')) {
    const mode = CONTROL_MODES.find((m) => m === button.dataset.mode);
    if (!mode) continue;
    button.setAttribute('aria-pressed', String(failure?.mode === mode));
    setText(button.querySelector('.button-detail'), controlDetail(mode, failure));
  }
}

function showDependency(g: GatewayId, dependency: LiveStatus['dependency']) {
  const strong = inColumn(g, '[data-dependency] strong');
  if (!dependency) {
    setText(strong, 'not reported by recommendations-service');
    return;
  }
  const { perSecond, inFlight } = dependency.gateways[g];
  setText(
    strong,
    `${perSecond === null ? DASH : formatRate(perSecond)} calls/s, ${formatCount(inFlight)} in flight`,
  );
}

/** Everything a status read changes. */
export function showStatus(status: LiveStatus, patienceMs: number): void {
  for (const g of GATEWAYS) {
    const users = status.users[g];
    setText(inColumn(g, '[data-figure="waiting"]'), formatCount(users.waiting));
    const [value, note] = probeFigure(users.probe, patienceMs);
    setText(inColumn(g, '[data-figure="probe"]'), value);
    setText(inColumn(g, '[data-note="probe"]'), note);
    showDependency(g, status.dependency);
  }
  showPool(status.pool);
  showCircuit(status);
  showControls(status.failure, status.dependency);
}

/** While OPEN: the seconds until a probe may go through, counted down between reads. */
export function countdownText(status: LiveStatus | null, elapsedMs: number): string {
  const circuit = status?.circuit;
  if (!circuit || !status) return '';
  if (circuit.state === 'HALF_OPEN') return 'probe call in flight';
  if (circuit.state !== 'OPEN' || circuit.nextAttemptAt === null) return '';
  const left = Date.parse(circuit.nextAttemptAt) - Date.parse(status.readAt) - elapsedMs;
  // Rounded up: "0.0 s" while a probe is still to come would read as "now".
  return left > 0 ? `next probe in ${(Math.ceil(left / 100) / 10).toFixed(1)} s` : 'probe due now';
}

export function showTour(step: TourView | null): void {
  const panel = byId('tour');
  if (!panel) return;
  panel.dataset.state = step ? 'running' : 'done';
  setText(byId('tour-step'), step ? `step ${step.index + 1} of ${step.count}` : 'tour over');
  setText(byId('tour-title'), step?.title ?? 'That was the last step.');
  setText(byId('tour-notice'), step?.notice ?? '');
  const next = byId('tour-next');
  if (next instanceof HTMLButtonElement) next.disabled = step === null;
}

export function showConnection(state: 'live' | 'reconnecting'): void {
  const element = byId('connection');
  if (!element) return;
  element.dataset.state = state;
  element.textContent = state === 'live' ? 'live: updates every second' : 'reconnecting…';
}

export function showMessage(message: string): void {
  setText(byId('control-message'), message);
}
