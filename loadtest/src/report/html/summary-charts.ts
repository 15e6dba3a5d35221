import { formatCount, formatMs, formatPercent } from '../format.js';
import { attemptsOf } from '../scenario-facts.js';
import { GATEWAYS, OUTCOMES, type GatewayRun, type ScenarioResult } from '../schema.js';
import { categoryAxis, linearAxis, logMsAxis } from './chart-axes.js';
import { gatewayBars } from './chart-datasets.js';
import type { ChartDef, DatasetJson } from './chart-types.js';
import { GATEWAY_STYLE, OUTCOME_STYLE } from './palette.js';

const PERCENTILES = ['p50', 'p90', 'p99', 'max'] as const;

/** Latency percentiles side by side, on a log scale: 15 ms and 30 s on one chart. */
export function percentileChart(s: ScenarioResult): ChartDef {
  // A run that completed nothing has no latency (its summary reads 0): no bar rather than a fake one.
  const values = (run: GatewayRun) =>
    PERCENTILES.map((p) =>
      run.requests.total > 0 && run.latencyMs[p] > 0 ? run.latencyMs[p] : null,
    );
  const datasets = GATEWAYS.map((g) => {
    const data = values(s.gateways[g]);
    return gatewayBars(
      g,
      data,
      data.map((v) => (v === null ? '' : formatMs(v))),
    );
  });
  return {
    id: `${s.name}-latency`,
    title: 'Latency percentiles',
    note: 'How long requests took (log scale: each grid line is 10× the one below).',
    wide: false,
    circuitBand: false,
    config: {
      type: 'bar',
      data: { labels: [...PERCENTILES], datasets },
      options: {
        scales: {
          x: categoryAxis(),
          y: logMsAxis(
            'latency',
            datasets.flatMap((d) => d.data as (number | null)[]),
            0.3,
          ),
        },
        plugins: { legend: { display: true, position: 'top' }, valueLabels: { mode: 'above' } },
      },
    },
  };
}

/** What the users got: every attempt as full, degraded, failed or timed out, in percent. */
export function outcomeChart(s: ScenarioResult): ChartDef {
  const runs = GATEWAYS.map((g) => s.gateways[g]);
  const share = (run: GatewayRun, n: number) => {
    const all = attemptsOf(run.outcomes);
    return all > 0 ? (n / all) * 100 : 0;
  };
  const datasets: DatasetJson[] = OUTCOMES.map((outcome) => {
    const style = OUTCOME_STYLE[outcome];
    const data = runs.map((run) => share(run, run.outcomes[outcome]));
    return {
      label: style.label,
      data,
      backgroundColor: style.color,
      borderColor: '#111111',
      borderWidth: 1,
      pointStyle: 'rect',
      ...(style.pattern ? { pattern: style.pattern } : {}),
      valueLabels: data.map((pct) => (pct >= 0.5 ? `${outcome} ${formatPercent(pct / 100)}` : '')),
      tooltipLabels: runs.map(
        (run, i) =>
          `${formatCount(run.outcomes[outcome])} (${formatPercent((data[i] ?? 0) / 100)})`,
      ),
    };
  });
  return {
    id: `${s.name}-outcomes`,
    title: 'What users got',
    note:
      'Every request, by outcome: full and degraded answers carried the product; failed and timed-out ones did not.' +
      (s.name === 'timeline'
        ? ' Each connection waits for its answer, so a stuck gateway is sent few requests: its share of failures looks small. The per-second charts show the outage.'
        : ''),
    wide: false,
    circuitBand: false,
    config: {
      type: 'bar',
      data: { labels: GATEWAYS.map((g) => GATEWAY_STYLE[g].name), datasets },
      options: {
        indexAxis: 'y',
        scales: {
          x: { ...linearAxis('% of requests', 'percent', [100], 1), stacked: true },
          y: categoryAxis(true),
        },
        plugins: { legend: { display: true, position: 'bottom' }, valueLabels: { mode: 'inside' } },
      },
    },
  };
}
