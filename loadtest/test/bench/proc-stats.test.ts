import { describe, expect, it } from 'vitest';
import { readCpuUs, readOpenFds, readPeakRss, readRss, toMb } from '../../src/bench/proc-stats.js';

// A pid that cannot exist (above Linux's pid_max).
const NO_SUCH_PID = 2 ** 23;

describe.runIf(process.platform === 'linux')('proc-stats on Linux', () => {
  it('when this process is read, then its RSS, peak RSS, open files and CPU time are plausible', async () => {
    const rss = await readRss(process.pid);
    const peak = await readPeakRss(process.pid);

    expect(rss).toBeGreaterThan(process.memoryUsage().heapUsed / 2);
    expect(peak).toBeGreaterThanOrEqual(rss!);
    expect(await readOpenFds(process.pid)).toBeGreaterThan(2);
  });

  it('when the process burns 200 ms of CPU, then /proc counts about as much (to its 10 ms ticks)', async () => {
    const before = (await readCpuUs(process.pid))!;
    const start = process.cpuUsage();
    const used = () => {
      const { user, system } = process.cpuUsage(start);
      return user + system;
    };
    while (used() < 200_000); // Busy on purpose, measured by the process's own clock.

    const after = (await readCpuUs(process.pid))!;

    expect(after - before).toBeGreaterThanOrEqual(180_000);
  });
});

describe('proc-stats', () => {
  it('when the process does not exist, then every reader answers null', async () => {
    expect(await readRss(NO_SUCH_PID)).toBeNull();
    expect(await readPeakRss(NO_SUCH_PID)).toBeNull();
    expect(await readCpuUs(NO_SUCH_PID)).toBeNull();
    expect(await readOpenFds(NO_SUCH_PID)).toBeNull();
  });

  it('when bytes are shown as MB, then they are rounded to a tenth, and null stays null', () => {
    expect(toMb(150 * 1024 * 1024 + 60 * 1024)).toBe(150.1);
    expect(toMb(null)).toBeNull();
  });
});
