import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it, type TestContext } from 'vitest';
import { chainBroken, launchChain, parseStat } from '../../src/cli/launch-chain.js';
import { waitFor } from '../helpers/wait-for.js';

describe('parseStat', () => {
  it('when the command name holds spaces and parentheses, then the fields after it are still read', () => {
    const line =
      '4242 (node (a) b) S 4200 4100 4100 0 -1 4194304 98 0 0 0 0 0 0 0 20 0 1 0 306519 3133440';

    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4200, pgrp: 4100, startTime: '306519' });
  });

  it('when the process is a zombie, then it counts as gone', () => {
    expect(parseStat('4242 (sh) Z 1 4100 4100 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 306519 0')).toBe(
      undefined,
    );
  });
});

interface Job {
  leader: ChildProcess;
  /** Pids from the top: the leader, the shell it runs, the innermost one. */
  pids: number[];
}

/** A job of three nested shells in their own process group, as a shell starts `npx pnpm start`. */
async function startJob(ctx: TestContext): Promise<Job> {
  const leader = spawn(
    'sh',
    ['-c', `sh -c 'sh -c "echo \\$PPID \\$\\$; sleep 30; true"; true'; true`],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  ctx.onTestFinished(() => {
    try {
      process.kill(-(leader.pid ?? 0), 'SIGKILL');
    } catch {
      // Already gone.
    }
  });
  const [chunk] = (await once(leader.stdout, 'data')) as [Buffer];
  const [middle = 0, inner = 0] = chunk.toString().trim().split(' ').map(Number);
  return { leader, pids: [leader.pid ?? 0, middle, inner] };
}

describe('launchChain and chainBroken', () => {
  it('when a process runs in a job, then its chain is its ancestors up to the job’s leader, and it holds', async (ctx) => {
    const { pids } = await startJob(ctx);
    const [leader, middle, inner = 0] = pids;

    const chain = launchChain(inner);

    expect(chain?.map((link) => link.pid)).toEqual([middle, leader]);
    expect(chainBroken(chain ?? [])).toBe(false);
  });

  it('when a process in the middle of the chain is killed, then the chain is broken', async (ctx) => {
    const { pids } = await startJob(ctx);
    const chain = launchChain(pids[2]) ?? [];

    process.kill(pids[1] ?? 0, 'SIGKILL');

    await waitFor('the chain to break', () => chainBroken(chain), {
      timeoutMs: 2000,
      intervalMs: 20,
    });
    expect(chainBroken(chain)).toBe(true);
  });

  it('when the job’s leader is killed, then the chain is broken', async (ctx) => {
    const { leader, pids } = await startJob(ctx);
    const chain = launchChain(pids[2]) ?? [];

    leader.kill('SIGKILL');

    await waitFor('the chain to break', () => chainBroken(chain), {
      timeoutMs: 2000,
      intervalMs: 20,
    });
    expect(chainBroken(chain)).toBe(true);
  });
});
