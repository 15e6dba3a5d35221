import { ConfigError } from '@cbd/common';

/** The problems of the ConfigError `read` throws; fails if it throws none. */
export function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('no ConfigError was thrown');
}
