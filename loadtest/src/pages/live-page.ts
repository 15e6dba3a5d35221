/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { LiveSecond, LiveStatus, PageSnapshot, TourView } from '../live/types.js';
import { drawChart, setChartFont, type DrawnChart } from '../browser/chart-kit.js';
import { liveCharts, type LiveCharts } from './live-charts.js';
import {
  countdownText,
  describeLiveLoad,
  showConnection,
  showMessage,
  showSecond,
  showStatus,
  showTour,
} from './live-panels.js';
import { GATEWAYS } from '../model/gateways.js';

// The live dashboard's script: reads the server's event stream, redraws the charts each second,
// places each status read, and sends the buttons' presses to this server (never elsewhere).

const CHART_KEYS = ['got', 'waiting', 'latency'] as const satisfies readonly (keyof LiveCharts)[];

let snapshot: PageSnapshot | null = null;
let seconds: LiveSecond[] = [];
let status: LiveStatus | null = null;
let statusAt = 0;
const drawn = new Map<string, DrawnChart>();

const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize);
setChartFont(rem() * 0.7);

function redraw() {
  if (!snapshot) return;
  const specs = liveCharts(seconds, snapshot.windowSeconds, snapshot.patienceMs);
  for (const g of GATEWAYS)
    for (const key of CHART_KEYS) {
      const id = `${g}-${key}`;
      const spec = specs[g][key];
      const chart = drawn.get(id);
      if (chart) chart.update(spec);
      else {
        const canvas = document.getElementById(id);
        if (canvas instanceof HTMLCanvasElement) drawn.set(id, drawChart(canvas, spec));
      }
    }
}

function onStatus(next: LiveStatus) {
  status = next;
  statusAt = performance.now();
  showStatus(next, snapshot?.patienceMs ?? 0);
  tick();
}

function onSnapshot(next: PageSnapshot) {
  snapshot = next;
  seconds = [...next.seconds];
  const load = document.getElementById('load-text');
  if (load) load.textContent = describeLiveLoad(next.load, next.patienceMs);
  redraw();
  const last = seconds.at(-1);
  if (last) showSecond(last);
  onStatus(next.status);
  showTour(next.tour);
}

function onSecond(second: LiveSecond) {
  const last = seconds.at(-1);
  // After a reconnect the snapshot already holds it.
  if (last && second.t <= last.t) return;
  seconds.push(second);
  while (seconds.length > (snapshot?.windowSeconds ?? 60)) seconds.shift();
  redraw();
  showSecond(second);
}

function tick() {
  const element = document.getElementById('circuit-countdown');
  if (element) element.textContent = countdownText(status, performance.now() - statusAt);
}

async function post(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(answer?.error?.message ?? `the dashboard answered ${res.status}`);
  return answer;
}

const buttons = () =>
  Array.from(document.querySelectorAll<HTMLButtonElement>('.controls button, #tour-next'));

async function press(action: () => Promise<unknown>) {
  const all = buttons();
  all.forEach((b) => (b.disabled = true));
  showMessage('');
  try {
    await action();
  } catch (err) {
    showMessage(`Nothing changed: ${(err as Error).message}`);
  } finally {
    all.forEach((b) => (b.disabled = false));
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.mode-button'))
  button.addEventListener(
    'click',
    () => void press(() => post('/api/failure-mode', { mode: button.dataset.mode })),
  );
for (const button of document.querySelectorAll<HTMLButtonElement>('.preset-button'))
  button.addEventListener(
    'click',
    () => void press(() => post('/api/circuit/preset', { preset: button.dataset.preset })),
  );
document
  .getElementById('reset-breaker')
  ?.addEventListener('click', () => void press(() => post('/api/circuit/reset', {})));
document.getElementById('tour-next')?.addEventListener(
  'click',
  () =>
    void press(async () => {
      const answer = (await post('/api/tour/next', {})) as { step: TourView | null };
      showTour(answer.step);
    }),
);

const source = new EventSource('/events');
const on = <T>(name: string, handle: (data: T) => void) =>
  source.addEventListener(name, (event) =>
    handle(JSON.parse((event as MessageEvent<string>).data) as T),
  );
on<PageSnapshot>('snapshot', onSnapshot);
on<LiveSecond>('second', onSecond);
on<LiveStatus>('status', onStatus);
on<TourView | null>('tour', showTour);
// EventSource reconnects by itself; the page only says so.
source.addEventListener('open', () => showConnection('live'));
source.addEventListener('error', () => showConnection('reconnecting'));
setInterval(tick, 200);
