// The shapes a Prometheus text exposition is read into.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: Sample[];
}

export type Exposition = Map<string, MetricFamily>;

export class ExpositionError extends Error {
  override name = 'ExpositionError';
}

// As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case; prom-client writes "Nan".
const FLOAT = /^(?:[+-]?(?:inf|infinity)|nan|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;

export function parseFloatStrict(text: string): number {
  if (!FLOAT.test(text)) throw new ExpositionError(`"${text}" is not a float`);
  if (/nan/i.test(text)) return NaN;
  if (/inf/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}
