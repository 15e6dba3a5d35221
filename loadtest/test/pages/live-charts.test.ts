import { describe, expect, it } from 'vitest';
import { liveCharts } from '../../src/pages/live-charts.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { gatewaySecond, liveSecond } from '../live/fake-feed.js';

const WINDOW = 10;

describe('liveCharts', () => {
  it('when seconds came, then the newest is in the last slot ("now") and earlier slots are empty', () => {
    const seconds = [
      liveSecond(3),
      liveSecond(4, { gateways: { v1: gatewaySecond(7, 40), v2: gatewaySecond(9) } }),
    ];

    const charts = liveCharts(seconds, WINDOW, 500);

    const got = charts.v1.got;
    expect(got.labels).toHaveLength(WINDOW);
    expect(got.labels?.at(-1)).toBe('0');
    const full = got.series[OUTCOMES.indexOf('full')]?.values ?? [];
    expect(full.slice(-2)).toEqual([10, 7]);
    expect(full.slice(0, -2).every((v) => v === null)).toBe(true);
    expect(
      charts.v1.waiting.series.find((s) => s.label.includes('users waiting'))?.values?.at(-1),
    ).toBe(40);
  });

  it('when one gateway piles users up, then both gateways’ charts share its scale', () => {
    const seconds = [
      liveSecond(0, { gateways: { v1: gatewaySecond(0, 350), v2: gatewaySecond(10, 1) } }),
    ];

    const charts = liveCharts(seconds, WINDOW, 500);

    expect(charts.v1.waiting.y.max).toBe(charts.v2.waiting.y.max);
    expect(charts.v2.waiting.y.max).toBeGreaterThanOrEqual(350);
    expect(charts.v1.got.y.max).toBe(charts.v2.got.y.max);
  });

  it('when the breaker moved and the dependency hung, then gateway-v2 has the band and both the shading', () => {
    const seconds = [
      liveSecond(0),
      liveSecond(1, { mode: 'hang', circuit: 'OPEN' }),
      liveSecond(2, { mode: 'hang', circuit: 'HALF_OPEN' }),
      liveSecond(3, { mode: 'healthy', circuit: 'CLOSED' }),
    ];

    const charts = liveCharts(seconds, 4, 500);

    expect(charts.v2.waiting.backdrop?.circuit?.map((s) => s.state)).toEqual([
      'CLOSED',
      'OPEN',
      'HALF_OPEN',
      'CLOSED',
    ]);
    expect(charts.v1.waiting.backdrop?.circuit).toBeUndefined();
    for (const g of ['v1', 'v2'] as const)
      expect(charts[g].waiting.backdrop?.sick).toEqual([
        { fromS: 0.5, toS: 2.5, label: 'recommendations: hang' },
      ]);
  });

  it('when gateway-v1’s pool has a queue, then its waiting chart shows it beside the users', () => {
    const seconds = [liveSecond(0, { pool: { size: 4, active: 4, waiting: 55 } })];

    const charts = liveCharts(seconds, WINDOW, 500);

    expect(charts.v1.waiting.series.find((s) => s.label.includes('pool'))?.values?.at(-1)).toBe(55);
    expect(charts.v2.waiting.series.some((s) => s.label.includes('pool'))).toBe(false);
    expect(charts.v1.latency.backdrop?.lines?.[0]?.value).toBe(500);
  });
});
