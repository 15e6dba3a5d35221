import {
  ExpositionError,
  parseFloatStrict,
  type MetricFamily,
  type Sample,
} from './prometheus-model.js';

/** Labels without `le`, as a key: the buckets, _sum and _count of one histogram series. */
function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).filter(([name]) => name !== 'le'));
}

/**
 * What Prometheus requires of a histogram: per series, buckets by ascending `le` with
 * cumulative counts, ending in +Inf, whose count is the series' _count; and a _sum.
 */
export function checkHistogram(family: MetricFamily): void {
  const series = new Map<string, Sample[]>();
  for (const sample of family.samples) {
    if (!sample.name.endsWith('_bucket')) continue;
    const key = seriesKey(sample.labels);
    series.set(key, [...(series.get(key) ?? []), sample]);
  }
  const find = (suffix: string, key: string) =>
    family.samples.find((s) => s.name === family.name + suffix && seriesKey(s.labels) === key);
  for (const [key, buckets] of series) {
    const fail = (problem: string) => new ExpositionError(`${family.name} ${key}: ${problem}`);
    let previous: { bound: number; value: number } | undefined;
    for (const bucket of buckets) {
      const bound = parseFloatStrict(bucket.labels.le ?? 'missing');
      if (previous && (bound <= previous.bound || bucket.value < previous.value)) {
        throw fail('buckets are not ascending and cumulative');
      }
      previous = { bound, value: bucket.value };
    }
    if (previous?.bound !== Infinity) throw fail('no +Inf bucket');
    if (find('_count', key)?.value !== previous.value) throw fail('_count is not the +Inf bucket');
    if (!find('_sum', key)) throw fail('no _sum');
  }
}
