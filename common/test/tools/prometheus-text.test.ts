import { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  ExpositionError,
  parseExposition,
  sampleNames,
  sumSamples,
} from '../../src/tools/prometheus-text.js';

async function promClientOutput(): Promise<string> {
  const registry = new Registry();
  const registers = [registry];
  const counter = new Counter({ name: 'c_total', help: 'a\\b\nc', labelNames: ['x'], registers });
  const gauge = new Gauge({ name: 'g', help: 'g', labelNames: ['path'], registers });
  const histogram = new Histogram({ name: 'h_seconds', help: 'h', buckets: [0.1, 1], registers });
  const summary = new Summary({ name: 's', help: 's', registers });
  counter.inc({ x: 'one' }, 2);
  counter.inc({ x: 'two' }, 3);
  gauge.set({ path: 'a "quoted" \\ back\nslash' }, -1.5);
  histogram.observe(0.05);
  histogram.observe(5);
  summary.observe(1);
  return registry.metrics();
}

describe('Prometheus text parser', () => {
  it("when prom-client's output is read, then every family, label and value comes back", async () => {
    const text = await promClientOutput();

    const exposition = parseExposition(text);

    expect(exposition.get('c_total')).toMatchObject({ type: 'counter', help: 'a\\b\nc' });
    expect(sumSamples(exposition, 'c_total')).toBe(5);
    expect(sumSamples(exposition, 'c_total', { x: 'two' })).toBe(3);
    expect(exposition.get('g')?.samples).toEqual([
      { name: 'g', labels: { path: 'a "quoted" \\ back\nslash' }, value: -1.5 },
    ]);
    expect(sumSamples(exposition, 'h_seconds_bucket', { le: '+Inf' })).toBe(2);
    expect(sumSamples(exposition, 'h_seconds_sum')).toBe(5.05);
    expect(sampleNames(exposition)).toContain('s_count');
  });

  it.each([
    ['a sample that is not a number', 'x 1\ny abc'],
    ['an unclosed label value', 'x{a="1} 1'],
    ['a label given twice', 'x{a="1",a="2"} 1'],
    ['an unknown TYPE', '# TYPE x countr\nx 1'],
    ['a TYPE after its samples', 'x 1\n# TYPE x counter'],
    ["a family's lines apart", 'x 1\ny 1\nx{a="b"} 2'],
    [
      'a histogram whose +Inf bucket is not its _count',
      '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 3',
    ],
    [
      'a histogram whose buckets shrink',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1',
    ],
    ['a histogram without +Inf', '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1'],
  ])('when the text has %s, then it is rejected', (_case, text) => {
    expect(() => parseExposition(text)).toThrow(ExpositionError);
  });
});
