import { ConfigError, StartupError } from '@cbd/common';
import type { ExitInfo } from '@cbd/common/tools';

// What the launchers explain to the user: each failure they know, with a stable code, told in
// one message without a stack trace. Anything else is a bug, and the runner shows its stack.

export const LAUNCH_ERROR_CODES = [
  /** A command-line option (exit 2, with the usage). */
  'BAD_OPTION',
  /** An environment variable (exit 2, with the usage). */
  'BAD_SETTING',
  'PORT_IN_USE',
  /** A service exited before it answered /health. */
  'SERVICE_EXITED_EARLY',
  /** A service did not answer /health in time. */
  'SERVICE_NOT_READY',
  /** A service exited while the run needed it. */
  'SERVICE_DIED',
  /** --no-start: a service that should be running does not answer. */
  'SERVICE_UNREACHABLE',
  /** The launcher's own server (the live page) could not listen. */
  'CANNOT_LISTEN',
] as const;
export type LaunchErrorCode = (typeof LAUNCH_ERROR_CODES)[number];

/** What a service printed last, shown under the message that names it. */
export interface ServiceOutput {
  service: string;
  lines: string;
}

export class LaunchError extends Error {
  override name = 'LaunchError';
  constructor(
    readonly code: LaunchErrorCode,
    message: string,
    readonly output?: ServiceOutput,
  ) {
    super(message);
  }

  /** Bad input: the user fixes the command line or the environment (exit 2). */
  get isUsage(): boolean {
    return this.code === 'BAD_OPTION' || this.code === 'BAD_SETTING';
  }
}

const LAST_LINES = 20;

/** The last lines of a service's output, without the blank end. */
function lastLines(output: string, count = LAST_LINES): string {
  return output.trimEnd().split('\n').slice(-count).join('\n');
}

const how = ({ code, signal }: ExitInfo) => signal ?? `code ${code}`;

export const LaunchErrors = {
  badOption: (message: string) => new LaunchError('BAD_OPTION', message),
  portsInUse: (problems: string[]) => new LaunchError('PORT_IN_USE', problems.join('\n')),
  exitedEarly: (service: string, exit: ExitInfo, output: string) =>
    new LaunchError(
      'SERVICE_EXITED_EARLY',
      `${service} exited (${how(exit)}) before it was ready`,
      {
        service,
        lines: lastLines(output),
      },
    ),
  notReady: (service: string, timeoutMs: number, output: string) =>
    new LaunchError(
      'SERVICE_NOT_READY',
      `${service} did not answer GET /health within ${timeoutMs / 1000} s`,
      { service, lines: lastLines(output) },
    ),
  died: (service: string, exit: ExitInfo, output: string) =>
    new LaunchError('SERVICE_DIED', `${service} exited unexpectedly (${how(exit)})`, {
      service,
      lines: lastLines(output),
    }),
  unreachable: (service: string, url: string, reason: string) =>
    new LaunchError(
      'SERVICE_UNREACHABLE',
      `${service} at ${url} is not reachable (${reason}); start the stack first or pass its URL`,
    ),
};

/** A failure the launchers know how to explain, or undefined for anything else. */
export function knownFailure(err: unknown): LaunchError | undefined {
  if (err instanceof LaunchError) return err;
  if (err instanceof ConfigError) return new LaunchError('BAD_SETTING', err.message);
  if (err instanceof StartupError) return new LaunchError('CANNOT_LISTEN', err.message);
  return undefined;
}
