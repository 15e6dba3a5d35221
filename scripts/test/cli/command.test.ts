import { format } from 'node:util';
import { ConfigError } from '@cbd/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand, type Command, type CommandContext } from '../../src/cli/command.js';
import { ECHO_WITHIN_MS } from '../../src/cli/interrupts.js';
import { parseOptions } from '../../src/cli/options.js';
import { LaunchErrors } from '../../src/errors.js';
import { runScript } from '../helpers/run-script.js';

const IO = { env: {}, paths: { cwd: '/home/me', reportsDir: '/repo/reports' } };
const USAGE = 'Usage: pnpm try [options]';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(format(...args)));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(format(...args)));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type Run = (context: CommandContext, events: string[]) => Promise<number>;

function command(
  run: Run,
  overrides: Partial<Command<{ help: boolean }, string[]>> = {},
): Command<{ help: boolean }, string[]> {
  const events: string[] = [];
  return {
    name: 'pnpm try',
    usage: USAGE,
    parse: (argv) => parseOptions(argv, {}),
    plan: () => events,
    onInterrupt: () => ({ stopping: 'the services', stopped: 'All stopped.', ends: false }),
    run: async (plan, context) => run(context, plan),
    ...overrides,
  };
}

const untilStopped: Run = async (context, events) => {
  try {
    await context.aborted;
    return 0;
  } finally {
    events.push('cleaned up');
    console.error('cleaned up');
  }
};

describe('runCommand', () => {
  it('when an option is bad, then it exits 2 with the message and the usage, and runs nothing', async () => {
    const run = vi.fn(untilStopped);

    const code = await runCommand(command(run), { ...IO, argv: ['--fast'] });

    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^pnpm try: Unknown option '--fast'/);
    expect(err[0]).toContain(`\n\n${USAGE}`);
    expect(run).not.toHaveBeenCalled();
  });

  it('when --help is given, then it prints the usage and exits 0, whatever the environment holds', async () => {
    const plan = vi.fn(() => {
      throw new ConfigError(['PRODUCT_PORT="0": must be an integer from 1 to 65535']);
    });

    const code = await runCommand(command(untilStopped, { plan }), { ...IO, argv: ['--help'] });

    expect(code).toBe(0);
    expect(out).toEqual([USAGE]);
    expect(plan).not.toHaveBeenCalled();
  });

  it('when a setting is bad, then it exits 2 naming it once, with the usage, and runs nothing', async () => {
    const run = vi.fn(untilStopped);
    const plan = () => {
      throw new ConfigError(['PRODUCT_PORT="0": must be an integer from 1 to 65535']);
    };

    const code = await runCommand(command(run, { plan }), { ...IO, argv: [] });

    expect(code).toBe(2);
    expect(err.join('\n').match(/PRODUCT_PORT/g)).toHaveLength(1);
    expect(err.join('\n')).toContain(USAGE);
    expect(run).not.toHaveBeenCalled();
  });

  it('when the run fails in a known way, then it exits 1 with one message and no stack trace', async () => {
    const failing = command(() =>
      Promise.reject(LaunchErrors.portsInUse(['port 8080 (gateway-v1) is already in use'])),
    );

    const code = await runCommand(failing, { ...IO, argv: [] });

    expect(code).toBe(1);
    expect(err).toEqual(['\npnpm try: port 8080 (gateway-v1) is already in use']);
  });

  it('when the run fails unexpectedly, then it exits 1 and shows the stack, for a bug report', async () => {
    const code = await runCommand(
      command(() => Promise.reject(new TypeError('x is not a function'))),
      { ...IO, argv: [] },
    );

    expect(code).toBe(1);
    expect(err.join('\n')).toContain('pnpm try failed: TypeError: x is not a function');
    expect(err.join('\n')).toMatch(/\n\s+at /);
  });

  it('when the run is failed by a service dying, then it stops, cleans up and names the service with its own last lines', async () => {
    const dying = command(async (context, events) => {
      setTimeout(() => {
        const output = 'gateway-v2 listening\nout of memory\n';
        context.fail(LaunchErrors.died('gateway-v2', { code: null, signal: 'SIGKILL' }, output));
      }, 10);
      return untilStopped(context, events);
    });

    const code = await runCommand(dying, { ...IO, argv: [] });

    expect(code).toBe(1);
    expect(err).toEqual([
      'cleaned up',
      '\npnpm try: gateway-v2 exited unexpectedly (SIGKILL); the last lines gateway-v2 printed:\ngateway-v2 listening\nout of memory',
    ]);
  });

  it('when interrupted, then it says what it stops at once, and after the clean-up exits 128 + the signal', async () => {
    const interrupted = command(async (context, events) => {
      setTimeout(() => context.interrupt('SIGINT'), 10);
      return untilStopped(context, events);
    });

    const code = await runCommand(interrupted, { ...IO, argv: [] });

    expect(code).toBe(130);
    expect(err).toEqual([
      '\npnpm try: SIGINT, stopping the services...',
      'cleaned up',
      'All stopped.',
    ]);
  });

  it('when interrupted after the run settled, then it says nothing is cut short and keeps the run’s exit code', async () => {
    const late = command(async (context, events) => {
      context.settle();
      context.interrupt('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 10));
      events.push('written');
      return 0;
    });

    const code = await runCommand(late, { ...IO, argv: [] });

    expect(code).toBe(0);
    expect(err).toEqual(['\npnpm try: SIGINT, but the run has finished: nothing is cut short']);
  });

  it('when interrupting is how the command ends, then it exits 0', async () => {
    const ending = command(
      async (context, events) => {
        setTimeout(() => context.interrupt('SIGTERM'), 10);
        return untilStopped(context, events);
      },
      { onInterrupt: () => ({ stopping: 'the services', stopped: 'All stopped.', ends: true }) },
    );

    expect(await runCommand(ending, { ...IO, argv: [] })).toBe(0);
    expect(err.at(-1)).toBe('All stopped.');
  });

  it('when interrupted a second time while stopping, then it exits at once', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const stubborn = command((context) => {
      context.interrupt('SIGINT');
      vi.advanceTimersByTime(ECHO_WITHIN_MS);
      context.interrupt('SIGINT');
      return Promise.resolve(0);
    });

    await runCommand(stubborn, { ...IO, argv: [] });

    expect(exit).toHaveBeenCalledWith(130);
    expect(err).toContain('\nSIGINT again: exiting now.');
  });

  it('when one Ctrl-C arrives again at once, as the pnpm processes above forward it, then it is one interrupt', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const forwarded = command(async (context, events) => {
      context.interrupt('SIGINT');
      vi.advanceTimersByTime(ECHO_WITHIN_MS - 1);
      context.interrupt('SIGINT');
      context.interrupt('SIGTERM');
      return untilStopped(context, events);
    });

    const code = await runCommand(forwarded, { ...IO, argv: [] });

    expect(exit).not.toHaveBeenCalled();
    expect(code).toBe(130);
    expect(err).toEqual([
      '\npnpm try: SIGINT, stopping the services...',
      'cleaned up',
      'All stopped.',
    ]);
  });

  it('when it ends, then it leaves no signal handler behind', async () => {
    const before = process.listenerCount('SIGINT');

    await runCommand(
      command(() => Promise.resolve(0)),
      { ...IO, argv: [] },
    );

    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

describe('a command as a process', () => {
  it('when its output pipe is closed before the usage is written, then it still exits 0 without a crash', async () => {
    const run = runScript('run-demo.ts', ['--help'], {});
    run.child.stdout?.destroy();

    const { code } = await run.exited;

    expect(run.output()).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
