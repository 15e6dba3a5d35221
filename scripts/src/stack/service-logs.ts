import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@cbd/loadtest';

export interface ServiceLogs {
  readonly dir: string;
  write(service: ServiceName, line: string): void;
  /** A marker between scenarios, so each stack's lines can be told apart. */
  note(text: string): void;
  close(): Promise<void>;
}

/** One file per service under dir (truncated at the start of a run): logs stay off the console. */
export function openServiceLogs(dir: string): ServiceLogs {
  mkdirSync(dir, { recursive: true });
  const streams = new Map<ServiceName, WriteStream>(
    SERVICE_NAMES.map((name) => [
      name,
      createWriteStream(join(dir, `${name}.log`), { flags: 'w' }),
    ]),
  );
  return {
    dir,
    write: (service, line) => streams.get(service)?.write(`${line}\n`),
    note: (text) => {
      for (const stream of streams.values()) stream.write(`--- ${text} ---\n`);
    },
    close: async () => {
      await Promise.all(
        [...streams.values()].map((s) => new Promise<void>((resolve) => s.end(resolve))),
      );
    },
  };
}
