import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openTerminal } from '../../src/tour/terminal.js';

/** A stdin that says it is a terminal, recording the raw modes it is put in. */
function fakeTty() {
  const modes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (on: boolean) => modes.push(on),
  }) as unknown as NodeJS.ReadStream;
  return { input, modes };
}

function fakeOutput(isTTY: boolean) {
  let written = '';
  const output = Object.assign(new PassThrough(), {
    isTTY,
    columns: 40,
  }) as unknown as NodeJS.WriteStream;
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { output, written: () => written };
}

const never = new AbortController().signal;

describe('openTerminal', () => {
  it('when keys are typed, then Enter, r, b and q are read as next, repeat, back and quit, and an arrow key as nothing', async () => {
    const { input, modes } = fakeTty();
    const terminal = openTerminal({
      input,
      output: fakeOutput(true).output,
      readKeys: true,
      onInterrupt: () => undefined,
    });

    const keys = [];
    for (const typed of ['\x1b[A', '\r', 'r', 'B', 'q']) {
      const key = terminal.readKey(never);
      input.write(typed);
      if (typed === '\x1b[A') input.write('\r');
      keys.push(await key);
    }
    terminal.close();

    expect(keys).toEqual(['next', 'next', 'repeat', 'back', 'quit']);
    expect(modes).toEqual([true, false]);
  });

  it('when Ctrl-C is typed, then it is told as an interrupt, not as a key', async () => {
    const { input } = fakeTty();
    let interrupts = 0;
    const terminal = openTerminal({
      input,
      output: fakeOutput(true).output,
      readKeys: true,
      onInterrupt: () => (interrupts += 1),
    });
    const stop = new AbortController();
    const key = terminal.readKey(stop.signal);

    input.write('\x03');
    await expect.poll(() => interrupts).toBe(1);
    stop.abort(new Error('stopped'));

    await expect(key).rejects.toThrow('stopped');
    terminal.close();
  });

  it('when stdout is not a terminal, then status lines are left out and printed text goes through', async () => {
    const { output, written } = fakeOutput(false);
    const terminal = openTerminal({
      input: fakeTty().input,
      output,
      readKeys: false,
      onInterrupt: () => undefined,
    });

    terminal.status('waiting: 3.0 s');
    terminal.print('Answer: 42');
    terminal.close();

    await expect.poll(written).toBe('Answer: 42\n');
  });

  it('when a status line is shown, then it is cut to the width and cleared before the next text', async () => {
    const { output, written } = fakeOutput(true);
    const terminal = openTerminal({
      input: fakeTty().input,
      output,
      readKeys: false,
      onInterrupt: () => undefined,
    });

    terminal.status('x'.repeat(80));
    terminal.print('done');
    terminal.close();

    await expect.poll(written).toBe(`${'x'.repeat(38)}…\r\x1b[2Kdone\n`);
  });
});
