import { once } from 'node:events';
import type { EnvSource } from '@cbd/common';
import { knownFailure, type LaunchError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { watchInterrupts, type StopSignal } from './interrupts.js';
import type { CommandPaths } from './options.js';

/** What a command's run is given by the runner. */
export interface CommandContext {
  /** Aborted when the run must stop: a stop signal, the launching processes gone, or fail(). */
  readonly signal: AbortSignal;
  /** Resolves once `signal` is aborted: what a command that runs until Ctrl-C waits for. */
  readonly aborted: Promise<void>;
  /** Stops the run because of `reason` (e.g. a service died); the runner explains it. */
  readonly fail: (reason: Error) => void;
  /** Stops the run as a signal would: e.g. a Ctrl-C key read in raw mode, where none is sent. */
  readonly interrupt: (by: StopSignal) => void;
  /**
   * The work is done and everything it started is stopped; what is left (writing the reports,
   * printing them) finishes whatever comes. A stop signal from now on cuts nothing short, and
   * the run's own exit code stands.
   */
  readonly settle: () => void;
}

/** What a stop signal means for a command. */
export interface OnInterrupt {
  /** What the first one stops, printed at once: "pnpm demo: SIGINT, stopping <stopping>...". */
  stopping: string;
  /** Printed once the run has ended and everything is stopped. */
  stopped: string;
  /** It is how the command ends (exit 0), not a run cut short (exit 128 + the signal). */
  ends: boolean;
}

/**
 * One launcher: `pnpm start`, `pnpm demo`, `pnpm bench`, `pnpm soak`, `pnpm tour`. The runner
 * parses, checks, runs and explains; a command says only what is particular to it.
 */
export interface Command<Options extends { help: boolean }, Plan> {
  /** As the user types it, e.g. "pnpm demo": every message starts with it. */
  name: string;
  usage: string;
  /** Reads the command line; a bad option throws a BAD_OPTION LaunchError. */
  parse(argv: string[], paths: CommandPaths): Options;
  /**
   * Everything the run needs from the environment, checked before anything starts: a bad
   * setting throws (a ConfigError or a BAD_SETTING LaunchError). Not called for --help.
   */
  plan(options: Options, env: EnvSource): Plan;
  onInterrupt(options: Options): OnInterrupt;
  /** Does the work and returns the exit code; stops whatever it started before it settles. */
  run(plan: Plan, context: CommandContext): Promise<number>;
}

export interface CommandIo {
  argv: string[];
  env: EnvSource;
  paths: CommandPaths;
}

/** This process's command line and environment; reports go to `reportsDir` unless told. */
export function processIo(reportsDir: string): CommandIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    paths: { cwd: process.env.INIT_CWD ?? process.cwd(), reportsDir },
  };
}

/**
 * Runs a command to its exit code: 0 done, 1 a run failed, 2 a bad option or setting (with the
 * usage), 128 + n when signal n cut the run short. A known failure is told in one message; an
 * unexpected one with its stack.
 */
export async function runCommand<Options extends { help: boolean }, Plan>(
  command: Command<Options, Plan>,
  io: CommandIo,
): Promise<number> {
  // From the first line out: even `--help | head -1` closes the pipe before the usage is written.
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners('error').includes(ignore)) stream.on('error', ignore);
  }
  let options: Options;
  let plan: Plan;
  try {
    options = command.parse(io.argv, io.paths);
    if (options.help) {
      console.log(command.usage);
      return EXIT.ok;
    }
    plan = command.plan(options, io.env);
  } catch (err) {
    return explain(command, err);
  }
  const onInterrupt = command.onInterrupt(options);
  let settled = false;
  const interrupts = watchInterrupts((why) =>
    console.error(
      settled
        ? `\n${command.name}: ${why}, but the run has finished: nothing is cut short`
        : `\n${command.name}: ${why}, stopping ${onInterrupt.stopping}...`,
    ),
  );
  const aborted = once(interrupts.signal, 'abort').then(() => undefined);
  let code: number;
  try {
    code = await command.run(plan, {
      signal: interrupts.signal,
      aborted,
      fail: (reason) => interrupts.fail(reason),
      interrupt: (by) => interrupts.interrupt(by),
      settle: () => {
        settled = true;
      },
    });
  } catch (err) {
    code = interrupts.failure || (interrupts.by && !settled) ? EXIT.failed : explain(command, err);
  } finally {
    interrupts.dispose();
  }
  if (interrupts.failure) return explain(command, interrupts.failure);
  if (interrupts.by && !settled) {
    console.error(onInterrupt.stopped);
    return onInterrupt.ends ? EXIT.ok : EXIT[interrupts.by];
  }
  return code;
}

/** A closed terminal or pipe must not crash the launcher, above all while it stops its services. */
const ignore = () => undefined;

function explain(command: { name: string; usage: string }, err: unknown): number {
  const known = knownFailure(err);
  if (!known) {
    console.error(`\n${command.name} failed:`, err);
    return EXIT.failed;
  }
  if (known.isUsage) {
    console.error(`${command.name}: ${known.message}\n\n${command.usage}`);
    return EXIT.usage;
  }
  console.error(`\n${command.name}: ${describe(known)}`);
  return EXIT.failed;
}

function describe({ message, output }: LaunchError): string {
  if (!output) return message;
  return `${message}; the last lines ${output.service} printed:\n${output.lines}`;
}
