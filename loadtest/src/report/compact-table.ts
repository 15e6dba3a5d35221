/**
 * A cli-table3 table with the rule under its header only: without the rules between rows, a
 * dozen rows fit a terminal screen.
 */
export function keepHeaderRule(table: string): string {
  const lines = table.split('\n');
  const firstRule = lines.findIndex((line) => line.startsWith('├'));
  return lines.filter((line, i) => i === firstRule || !line.startsWith('├')).join('\n');
}
