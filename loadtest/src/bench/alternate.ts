import { measureThroughput } from './throughput.js';
import type { ThroughputRun } from './schema.js';

export interface BenchTarget {
  name: string;
  url: string;
  pid?: number;
}

export interface AlternateOptions {
  connections: number;
  warmupMs: number;
  runMs: number;
  rounds: number;
  signal?: AbortSignal;
  /** Told of each measured run, e.g. for a progress line per round. */
  onRun?: (round: number, target: string, run: ThroughputRun) => void;
}

/**
 * Warms each target up, then measures them in turn, round after round: A B A B... so a drift in
 * the machine's load (another process, thermal, GC) falls on both sides instead of one.
 */
export async function measureAlternating(
  targets: BenchTarget[],
  { connections, warmupMs, runMs, rounds, signal, onRun }: AlternateOptions,
): Promise<Record<string, ThroughputRun[]>> {
  const run = (target: BenchTarget, durationMs: number) =>
    measureThroughput({
      url: target.url,
      connections,
      durationMs,
      ...(target.pid === undefined ? {} : { pid: target.pid }),
      ...(signal ? { signal } : {}),
    });
  const check = () => signal?.throwIfAborted();
  // JIT, connection pools and V8's heap all settle in the first seconds: not measured.
  for (const target of targets) {
    check();
    await run(target, warmupMs);
  }
  const runs: Record<string, ThroughputRun[]> = Object.fromEntries(
    targets.map((t) => [t.name, []]),
  );
  for (let round = 1; round <= rounds; round += 1) {
    for (const target of targets) {
      check();
      const result = await run(target, runMs);
      check();
      runs[target.name]!.push(result);
      onRun?.(round, target.name, result);
    }
  }
  return runs;
}
