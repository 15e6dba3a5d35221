import { formatSeconds } from '../text-format.js';
import { hangWindow } from '../scenario-facts.js';
import { GATEWAYS, type ScenarioResult } from '../schema.js';
import { hangBox, thresholdLine } from './chart-annotations.js';
import { axisAt, logMsAxis, timeAxis } from './chart-axes.js';
import { gatewayDots } from './chart-datasets.js';
import type { ChartDef, DatasetJson } from './chart-types.js';
import { GATEWAY_STYLE } from './palette.js';

/**
 * Every probe of the healthy route over time. Unanswered probes are drawn as crosses at the
 * client timeout: the report's p99 covers answered probes only and would hide them.
 */
export function collateralChart(s: ScenarioResult, clientTimeoutMs: number): ChartDef {
  const datasets: DatasetJson[] = [];
  for (const g of GATEWAYS) {
    const samples = s.gateways[g].collateral.samples;
    const answered = samples.filter((p) => p.ms !== null).map((p) => ({ x: p.t / 1000, y: p.ms }));
    const lost = samples
      .filter((p) => p.ms === null)
      .map((p) => ({ x: p.t / 1000, y: clientTimeoutMs }));
    const name = GATEWAY_STYLE[g].name;
    if (answered.length) datasets.push(gatewayDots(g, answered, `${name}: answered`));
    if (lost.length) datasets.push(gatewayDots(g, lost, `${name}: no answer`, 'crossRot'));
  }
  const values = datasets.flatMap((d) => (d.data as { y: number | null }[]).map((p) => p.y));
  const w = hangWindow(s);
  const y = logMsAxis('probe latency', [...values, clientTimeoutMs], 0.3);
  const path = s.gateways.v1.collateral.path;
  const every = probeInterval(s);
  const cadence =
    every > 0
      ? `one probe every ${formatSeconds(every)} beside the load`
      : 'probes sent beside the load';
  return {
    id: `${s.name}-collateral`,
    title: `Collateral damage: ${path}`,
    note: `${path} needs only the healthy product service; ${cadence}. Crosses: no answer before the client gave up.`,
    wide: true,
    circuitBand: false,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        scales: { x: timeAxis(0, s.durationMs / 1000), y },
        plugins: {
          legend: { display: true, position: 'top' },
          annotation: {
            annotations: {
              // Halfway up: between healthy probes (ms) and lost ones (at the client timeout).
              ...(w ? hangBox(w, s.durationMs, axisAt(y, 0.5)) : {}),
              ...thresholdLine(
                clientTimeoutMs,
                `client gives up: ${formatSeconds(clientTimeoutMs)}`,
              ),
            },
          },
        },
      },
    },
  };
}

/** The probes' spacing, read off the samples (the report does not state it). */
function probeInterval(s: ScenarioResult): number {
  const t = s.gateways.v2.collateral.samples.map((p) => p.t);
  const gaps = t.slice(1).map((v, i) => v - (t[i] ?? v));
  const sorted = gaps.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
