import { describe, expect, it } from 'vitest';
import { collateralChart } from '../../../src/report/html/collateral-chart.js';
import type { Point } from '../../../src/report/html/chart-types.js';
import { outcomeChart, percentileChart } from '../../../src/report/html/summary-charts.js';
import { p99Chart, throughputChart } from '../../../src/report/html/time-charts.js';
import { loadFixture } from '../fixtures.js';
import { idleReport } from '../report-variants.js';

const timeline = () => loadFixture('report').scenarios.timeline!;
const outage = () => loadFixture('report').scenarios.outage!;

describe('chart builders', () => {
  it('when the timeline is drawn, then the breaker band follows v2’s transitions and the hang is shaded', () => {
    // Arrange
    const s = timeline();

    // Act
    const annotations = throughputChart(s).config.options.plugins.annotation?.annotations ?? {};

    // Assert
    const band = Object.values(annotations).filter((a) => a.yScaleID === 'band');
    expect(band.map((a) => [a.xMin, a.xMax])).toEqual([
      [0.004, 12.011],
      [12.011, 22.013],
      [22.013, 24.015],
      [24.015, 34.017],
      [34.017, 34.023],
      [34.023, 70.052],
    ]);
    expect(annotations.hang).toMatchObject({ xMin: 10.004, xMax: 30.011 });
  });

  it('when a run’s last second is mostly outside it, then throughput leaves it out instead of drawing a drop', () => {
    // Arrange
    const s = timeline();

    // Act
    const [v1] = throughputChart(s).config.data.datasets;

    // Assert
    const points = v1?.data as Point[];
    expect(points.at(-1)?.x).toBe(69.5);
    expect(points.every((p) => p.y !== null && p.y >= 0)).toBe(true);
    expect(points.find((p) => p.x === 20.5)?.y).toBe(0);
  });

  it('when v1 answered nothing for a while, then the p99 chart has gaps there and says so', () => {
    // Arrange
    const s = timeline();

    // Act
    const chart = p99Chart(s);

    // Assert
    const v1 = chart.config.data.datasets[0]?.data as Point[];
    expect(v1.find((p) => p.x === 20.5)?.y).toBeNull();
    expect(chart.config.options.plugins.annotation?.annotations.v1Silent?.content).toBe(
      'gateway-v1: no response for 29 s',
    );
  });

  it('when probes went unanswered, then they are drawn at the client timeout', () => {
    // Arrange
    const s = outage();

    // Act
    const chart = collateralChart(s, 35_000);

    // Assert
    const lost = chart.config.data.datasets.find((d) => d.label === 'gateway-v1: no answer');
    expect(lost?.data).toHaveLength(80);
    expect((lost?.data as Point[]).every((p) => p.y === 35_000)).toBe(true);
    expect(chart.config.options.plugins.annotation?.annotations.threshold?.label?.content).toBe(
      'client gives up: 35\u202fs',
    );
  });

  it('when the outage is drawn, then outcome shares add up to 100 % per gateway and carry labels', () => {
    // Arrange
    const s = outage();

    // Act
    const { datasets } = outcomeChart(s).config.data;

    // Assert
    const total = (i: number) => datasets.reduce((sum, d) => sum + ((d.data[i] as number) ?? 0), 0);
    expect(total(0)).toBeCloseTo(100);
    expect(total(1)).toBeCloseTo(100);
    expect(datasets.find((d) => d.label.startsWith('failed'))?.valueLabels?.[0]).toBe(
      'failed 50.0\u202f%',
    );
  });

  it('when a gateway completed nothing, then its latency bars are absent, not zero', () => {
    // Arrange
    const s = idleReport().scenarios.outage!;

    // Act
    const { datasets } = percentileChart(s).config.data;

    // Assert
    expect(datasets[0]?.data).toEqual([null, null, null, null]);
    expect(datasets[0]?.valueLabels).toEqual(['', '', '', '']);
  });
});
