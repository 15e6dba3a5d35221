// The metric names a PromQL expression reads, so configs can be checked against a live scrape.

/** Words PromQL uses that are not metric names and are not followed by "(". */
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '') // strings: label values, printf formats
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges and subqueries
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // label lists
    .replace(/\$\{?\w+\}?/g, ' '); // Grafana variables such as $__rate_interval
  // A name followed by "(" is a function or an aggregation, never a metric.
  const words = bare.match(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g) ?? [];
  return [...new Set(words.filter((w) => !KEYWORDS.has(w.toLowerCase())))];
}
