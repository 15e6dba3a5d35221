import { UsageError } from '../demo/options.js';

/** Runs a command-line parse; whatever it rejects becomes a UsageError (exit 2, with the usage). */
export function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
