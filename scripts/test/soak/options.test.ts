import { describe, expect, it } from 'vitest';
import { LaunchError } from '../../src/errors.js';
import { parseSoakOptions } from '../../src/soak/options.js';

const PATHS = { cwd: '/home/me/work', reportsDir: '/repo/reports' };
const parse = (...argv: string[]) => parseSoakOptions(argv, PATHS);

describe('parseSoakOptions', () => {
  it('when nothing is given, then the full soak writes into reports/ with its default load', () => {
    const options = parse();

    expect(options).toEqual({ quick: false, outDir: '/repo/reports', help: false });
  });

  it('when options are given, then they are parsed', () => {
    expect(parse('--quick', '--duration', '30', '--connections', '50', '--out', 'x')).toEqual({
      quick: true,
      durationMs: 30_000,
      connections: 50,
      outDir: '/home/me/work/x',
      help: false,
    });
  });

  it.each([
    [['--duration', '0'], '--duration must be a whole number from 1 to 3600'],
    [['--duration', '1.5'], '--duration must be a whole number'],
    [['--connections', 'lots'], '--connections must be a whole number from 1 to 1000'],
    [['--flaps', '3'], "Unknown option '--flaps'"],
  ])('when the arguments are %j, then a bad-option error says what is wrong', (argv, message) => {
    expect(() => parse(...argv)).toThrow(LaunchError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
