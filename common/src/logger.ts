import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(name: string, level: LevelWithSilent = 'info'): Logger {
  return pino({ name, level });
}

/** For tests and tools that must not print. */
export const silentLogger: Logger = pino({ level: 'silent' });
