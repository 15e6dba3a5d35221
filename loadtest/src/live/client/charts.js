// Six charts, made once: each update writes the fixed window's values into the same arrays
// and redraws without animation, so nothing grows and nothing moves but the data.
import {
  GATEWAYS,
  MAX_MS,
  MIN_MS,
  NNBSP,
  OUTCOMES,
  group,
  line,
  make,
  logMsAxis,
  setDefaults,
  timeAxis,
} from './chart-parts.js';
import { pattern } from './pattern.js';

function outcomeDataset(style, outcome) {
  const { color, pattern: kind } = style.outcomes[outcome];
  return {
    label: outcome === 'timeout' ? 'timed out' : outcome,
    data: [],
    backgroundColor: kind ? pattern(color, kind) : color,
    borderWidth: 0,
    pointStyle: 'rect',
  };
}

function gatewayCharts(g, style, x) {
  const gw = style.gateways[g];
  return {
    rate: make(`${g}-rate`, {
      type: 'line',
      datasets: [line(gw, 'answers / s')],
      y: { min: 0, max: 10, ticks: { callback: group } },
      x,
    }),
    latency: make(`${g}-latency`, {
      type: 'line',
      datasets: [
        line(gw, 'p99'),
        line(gw, 'p50', { borderWidth: 2, borderDash: [2, 4], pointRadius: 0 }),
      ],
      y: logMsAxis(),
      x,
    }),
    outcomes: make(`${g}-outcomes`, {
      type: 'bar',
      datasets: OUTCOMES.map((o) => outcomeDataset(style, o)),
      y: { min: 0, max: 100, ticks: { stepSize: 50, callback: (v) => `${v}${NNBSP}%` } },
      x,
      stacked: true,
    }),
  };
}

/** A round number above the largest value, so both rate charts share one scale. */
function roundAbove(value) {
  const high = Math.max(10, value * 1.15);
  const step = 10 ** Math.floor(Math.log10(high));
  const steps = [1, 2, 5, 10].find((m) => m * step >= high);
  return steps * step;
}

export function createCharts(style) {
  setDefaults();
  const size = style.windowSeconds;
  const x = { labels: Array.from({ length: size }, (_, i) => String(i)), axis: timeAxis(size) };
  const charts = Object.fromEntries(GATEWAYS.map((g) => [g, gatewayCharts(g, style, x)]));

  function write(g, index, second) {
    const c = charts[g];
    const ms = (v) => (v === null ? null : Math.min(MAX_MS, Math.max(MIN_MS, v)));
    c.rate.data.datasets[0].data[index] = second ? second.requests : null;
    c.latency.data.datasets[0].data[index] = second ? ms(second.p99) : null;
    c.latency.data.datasets[1].data[index] = second ? ms(second.p50) : null;
    OUTCOMES.forEach((o, k) => {
      c.outcomes.data.datasets[k].data[index] = second ? second.shares[o] : null;
    });
  }

  return {
    update(samples) {
      const last = samples.length ? samples[samples.length - 1].t : size - 1;
      const byT = new Map(samples.map((s) => [s.t, s]));
      let peak = 0;
      for (let index = 0; index < size; index += 1) {
        const sample = byT.get(last - (size - 1) + index);
        for (const g of GATEWAYS) {
          const second = sample ? sample.gateways[g] : null;
          write(g, index, second);
          if (second) peak = Math.max(peak, second.requests);
        }
      }
      const max = roundAbove(peak);
      for (const g of GATEWAYS) {
        charts[g].rate.options.scales.y.max = max;
        for (const chart of Object.values(charts[g])) chart.update('none');
      }
    },
  };
}
