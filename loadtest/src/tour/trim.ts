// What the tour prints of an answer: its real JSON, cut down to the few fields that matter, on
// one line, as `jq -c` with a filter would show it, with every cut marked.

const CUT = Symbol('cut');

/** A list of which only the last items are shown, with how many came before them. */
interface Cut {
  [CUT]: true;
  items: readonly unknown[];
  omitted: number;
}

const isCut = (value: unknown): value is Cut =>
  typeof value === 'object' && value !== null && CUT in value;

/** For a view: the last `n` items of a list (the newest, in the services' oldest-first logs). */
export function lastItems(list: readonly unknown[], n: number): unknown {
  const items = list.slice(-n);
  return { [CUT]: true, items, omitted: list.length - items.length } satisfies Cut;
}

export interface TrimOptions {
  /** Longer lists show their first items and how many more there were. */
  maxItems?: number;
  /** Longer strings end in "…". */
  maxChars?: number;
  /** Objects nested deeper print as {…}. */
  maxDepth?: number;
}

/** One line of JSON: lists and strings cut where long, objects past maxDepth as {…}. */
export function compactJson(value: unknown, options: TrimOptions = {}): string {
  const { maxItems = 3, maxChars = 60, maxDepth = 3 } = options;
  const render = (v: unknown, depth: number): string => {
    if (isCut(v)) {
      const shown = v.items.map((item) => render(item, depth + 1));
      return `[${[...(v.omitted ? [`…${v.omitted} before`] : []), ...shown].join(',')}]`;
    }
    if (Array.isArray(v)) {
      if (depth >= maxDepth && v.length) return `[…${v.length}]`;
      const shown = v.slice(0, maxItems).map((item: unknown) => render(item, depth + 1));
      const more = v.length - shown.length;
      return `[${[...shown, ...(more ? [`…+${more}`] : [])].join(',')}]`;
    }
    if (typeof v === 'string') {
      return JSON.stringify(v.length > maxChars ? `${v.slice(0, maxChars - 1)}…` : v);
    }
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v).filter(([, item]) => item !== undefined);
      if (depth >= maxDepth && entries.length) return '{…}';
      return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${render(item, depth + 1)}`).join(',')}}`;
    }
    return v === undefined ? 'null' : JSON.stringify(v);
  };
  return render(value, 0);
}
