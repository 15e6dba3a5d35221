/** What every launcher exits with; shells read 128 + n as "ended by signal n". */
export const EXIT = { ok: 0, failed: 1, usage: 2, SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
