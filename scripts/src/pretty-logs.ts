import PinoPretty from 'pino-pretty';

/** Turns the services' JSON log lines into short readable ones, prefixed by service. */
export function prettyLogs(colorize: boolean): (service: string, line: string) => string {
  const pretty = PinoPretty.prettyFactory({
    colorize,
    translateTime: 'HH:MM:ss',
    ignore: 'pid,hostname,name',
    singleLine: true,
  });
  return (service, line) => {
    const text = line.startsWith('{') ? pretty(line).trimEnd() : line;
    return `${service.padEnd(23)} ${text}`;
  };
}
