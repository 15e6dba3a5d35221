import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(name: string, level: LogLevel = 'info'): Logger {
  return pino({ name, level });
}

/** For tests and tools that must not print. */
export const silentLogger: Logger = pino({ level: 'silent' });
