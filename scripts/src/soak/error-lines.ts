const PINO_ERROR = 50;
const UNHANDLED = /unhandled|uncaught|fatal/i;

/**
 * Whether a service's log line reports a failure of the service itself: a pino line at error
 * level or above (close-with-grace logs an unhandled rejection as "fatal error" at that level),
 * or any other line about an unhandled or fatal error (a crash's stack trace on stderr).
 */
export function isErrorLine(line: string): boolean {
  try {
    const entry = JSON.parse(line) as { level?: unknown };
    if (typeof entry === 'object' && entry !== null && typeof entry.level === 'number') {
      return entry.level >= PINO_ERROR;
    }
  } catch {
    // Not a pino line.
  }
  return UNHANDLED.test(line);
}
