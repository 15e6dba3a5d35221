// What the six charts share: Chart.js's defaults, the axes, the tick labels, the line style.

export const NNBSP = '\u202f';
const GRID = { color: 'rgba(0, 0, 0, 0.12)' };
// A fixed log range: 1 ms to 100 s holds a healthy answer and a 30 s hang, and the axis never
// jumps while the class watches.
export const MIN_MS = 1;
export const MAX_MS = 100_000;
export const GATEWAYS = ['v1', 'v2'];
export const OUTCOMES = ['full', 'degraded', 'failed', 'timeout'];

export function setDefaults() {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  Chart.defaults.font.family = '"Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif';
  Chart.defaults.font.size = Math.round(rem * 0.8);
  Chart.defaults.color = '#111111';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.tooltip.enabled = false;
}

/** Log axes tick at 2, 3, 5...: only the powers of ten get a line and a label. */
function decade(value) {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-6 ? Math.round(exponent) : null;
}

/** A tick callback (`this` is the axis): on a short chart, every other decade only. */
function msTick(value) {
  const exponent = decade(value);
  if (exponent === null || (this.height < 90 && exponent % 2 !== 0)) return '';
  return value >= 1000 ? `${value / 1000}${NNBSP}s` : `${value}${NNBSP}ms`;
}

/** A fixed log axis in ms, a line and a label at each power of ten. */
export function logMsAxis() {
  return {
    type: 'logarithmic',
    min: MIN_MS,
    max: MAX_MS,
    ticks: { callback: msTick, autoSkip: false },
    grid: { color: (ctx) => (decade(ctx.tick.value) === null ? 'transparent' : GRID.color) },
  };
}

/** 12345 -> "12 345", as the report groups digits. */
export function group(value) {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

export function timeAxis(windowSeconds) {
  const ago = (index) => windowSeconds - 1 - index;
  const label = (index) => (ago(index) === 0 ? 'now' : `−${ago(index)}${NNBSP}s`);
  return {
    type: 'category',
    // A grid line per second would hatch the chart; the labelled ticks are enough.
    grid: { display: false },
    ticks: {
      autoSkip: false,
      maxRotation: 0,
      callback: (_v, i) => (ago(i) % 15 === 0 ? label(i) : ''),
    },
  };
}

export function line(gw, label, extra) {
  return {
    label,
    data: [],
    borderColor: gw.color,
    backgroundColor: gw.color,
    borderWidth: 3,
    borderDash: gw.dash,
    pointStyle: gw.point,
    pointRadius: 3,
    spanGaps: false,
    ...extra,
  };
}

function fixWidth(axis) {
  axis.width = Math.round(Chart.defaults.font.size * 4.2);
}

/**
 * One chart over the fixed window, without a legend: the captions hold the keys, as a legend
 * beside the plot would narrow its time axis.
 */
export function make(id, { type, datasets, y, x, stacked = false }) {
  return new Chart(document.getElementById(id), {
    type,
    data: { labels: x.labels, datasets },
    options: {
      // One y-axis width for all six charts, so their time axes line up under each other.
      scales: { x: { ...x.axis, stacked }, y: { grid: GRID, stacked, afterFit: fixWidth, ...y } },
      plugins: { legend: { display: false } },
      datasets: { bar: { barPercentage: 1, categoryPercentage: 1 } },
    },
  });
}
