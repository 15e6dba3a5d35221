import { realWait, type TourIo, type TourKey } from '@cbd/loadtest';

/** What a key means to the tour, in a terminal in raw mode. */
const KEYS: Record<string, TourKey | 'interrupt'> = {
  '\r': 'next',
  '\n': 'next',
  ' ': 'next',
  r: 'repeat',
  R: 'repeat',
  b: 'back',
  B: 'back',
  q: 'quit',
  Q: 'quit',
  '\x04': 'quit',
  '\x03': 'interrupt',
};

export interface TerminalOptions {
  input?: NodeJS.ReadStream;
  output?: NodeJS.WriteStream;
  /** Whether to read keys: only from a terminal (an --auto run in CI reads none). */
  readKeys: boolean;
  /** Ctrl-C, which raw mode delivers as a key instead of a signal. */
  onInterrupt: () => void;
}

export interface Terminal extends TourIo {
  /** Gives the terminal back as it was (cooked mode, input released). */
  close(): void;
}

/**
 * The tour's IO on this process's terminal: keys one at a time in raw mode, the status line
 * redrawn in place (and left out when stdout is not a terminal).
 */
export function openTerminal(options: TerminalOptions): Terminal {
  const { input = process.stdin, output = process.stdout, readKeys, onInterrupt } = options;
  const waiters: ((key: TourKey) => void)[] = [];
  const deliver = (key: TourKey) => waiters.shift()?.(key);
  const onData = (chunk: string) => {
    // An escape sequence (an arrow key, a function key) means nothing here.
    if (chunk.startsWith('\x1b')) return;
    for (const char of chunk) {
      const key = KEYS[char];
      if (key === 'interrupt') onInterrupt();
      else if (key) deliver(key);
    }
  };
  const raw = readKeys && input.isTTY;
  if (raw) {
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  }

  const tty = output.isTTY;
  let statusShown = false;
  const clearStatus = () => {
    if (!statusShown) return;
    output.write('\r\x1b[2K');
    statusShown = false;
  };

  return {
    print(text) {
      clearStatus();
      output.write(`${text}\n`);
    },
    status(line) {
      if (!tty) return;
      clearStatus();
      if (!line) return;
      const width = Math.max(20, (output.columns || 100) - 1);
      output.write(line.length > width ? `${line.slice(0, width - 1)}…` : line);
      statusShown = true;
    },
    readKey: (signal) =>
      new Promise<TourKey>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason as Error);
        const waiter = (key: TourKey) => {
          signal.removeEventListener('abort', onAbort);
          resolve(key);
        };
        const onAbort = () => {
          const at = waiters.indexOf(waiter);
          if (at !== -1) waiters.splice(at, 1);
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
      }),
    wait: realWait,
    close() {
      clearStatus();
      if (raw) {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
      }
    },
  };
}
