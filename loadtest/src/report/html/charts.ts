import type { Report, ScenarioResult } from '../schema.js';
import type { ChartDef } from './chart-types.js';
import { collateralChart } from './collateral-chart.js';
import { outcomeChart, percentileChart } from './summary-charts.js';
import { p99Chart, throughputChart } from './time-charts.js';

/**
 * A scenario's charts in reading order. Over-time charts only for the timeline: in the outage
 * the gateways ran one after the other, so their curves would never share a moment.
 */
export function scenarioCharts(report: Report, s: ScenarioResult): ChartDef[] {
  const overTime = s.name === 'timeline' ? [throughputChart(s), p99Chart(s)] : [];
  return [
    ...overTime,
    percentileChart(s),
    outcomeChart(s),
    collateralChart(s, report.config.clientTimeoutMs),
  ];
}
