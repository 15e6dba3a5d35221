// A strict reader of the Prometheus text exposition format (version 0.0.4), so tests check
// what /metrics serves the way a Prometheus server reads it, not by looking for substrings.
import { checkHistogram } from './prometheus-histogram.js';
import {
  ExpositionError,
  parseFloatStrict,
  type Exposition,
  type MetricFamily,
} from './prometheus-model.js';

export * from './prometheus-model.js';

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const META = new RegExp(`^#\\s+(HELP|TYPE)\\s+(${NAME})(?:\\s(.*))?$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+(-?\\d+))?$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"\s*(?:,|$)/y;
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
/** The sample names a histogram or summary family `x` may use besides `x`. */
const SUFFIXES: [string, string[]][] = [
  ['histogram', ['_bucket', '_sum', '_count']],
  ['summary', ['_sum', '_count']],
];

const unescapeText = (text: string) =>
  text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const [, name, value] = LABEL.exec(text) ?? [];
    if (name === undefined || value === undefined) throw new ExpositionError('bad labels');
    if (name in labels) throw new ExpositionError(`label ${name} given twice`);
    labels[name] = unescapeText(value);
  }
  return labels;
}

/** Reads lines into families, checking each family's lines come together and typed first. */
class Reader {
  readonly families: Exposition = new Map();
  #current: string | undefined;
  readonly #finished = new Set<string>();

  #enter(name: string): MetricFamily {
    if (name !== this.#current) {
      if (this.#finished.has(name)) throw new ExpositionError(`${name}'s lines are not together`);
      if (this.#current !== undefined) this.#finished.add(this.#current);
      this.#current = name;
    }
    const family = this.families.get(name) ?? { name, type: 'untyped', help: '', samples: [] };
    this.families.set(name, family);
    return family;
  }

  #familyOf(sampleName: string): string {
    for (const [type, suffixes] of SUFFIXES) {
      for (const suffix of suffixes) {
        const base = sampleName.slice(0, -suffix.length);
        if (sampleName.endsWith(suffix) && this.families.get(base)?.type === type) return base;
      }
    }
    return sampleName;
  }

  line(line: string): void {
    if (line.trim() === '') return;
    const [, kind, metaName, text = ''] = META.exec(line) ?? [];
    if (kind && metaName) {
      const family = this.#enter(metaName);
      if (kind === 'HELP') family.help = unescapeText(text);
      else if (!TYPES.includes(text) || family.samples.length > 0) {
        throw new ExpositionError(`TYPE "${text}" is unknown or comes after samples`);
      } else family.type = text as MetricFamily['type'];
      return;
    }
    if (line.startsWith('#')) return;
    const [, name, labels = '', value] = SAMPLE.exec(line) ?? [];
    if (!name || !value) throw new ExpositionError('not a sample line');
    const sample = { name, labels: parseLabels(labels), value: parseFloatStrict(value) };
    this.#enter(this.#familyOf(name)).samples.push(sample);
  }
}

/** Parses a whole exposition; throws an ExpositionError naming the first line that is wrong. */
export function parseExposition(text: string): Exposition {
  const reader = new Reader();
  text.split('\n').forEach((line, index) => {
    try {
      reader.line(line);
    } catch (err) {
      throw new ExpositionError(`line ${index + 1} "${line}": ${(err as Error).message}`);
    }
  });
  for (const family of reader.families.values()) {
    if (family.type === 'histogram') checkHistogram(family);
  }
  return reader.families;
}

/** The sum of every sample called `name` whose labels include `match`; 0 if there is none. */
export function sumSamples(
  exposition: Exposition,
  name: string,
  match: Record<string, string> = {},
): number {
  return [...exposition.values()]
    .flatMap((family) => family.samples)
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}

/** Every sample name served (a histogram `x` gives x_bucket, x_sum and x_count). */
export function sampleNames(exposition: Exposition): Set<string> {
  return new Set([...exposition.values()].flatMap((f) => f.samples.map((s) => s.name)));
}
