import { describe, expect, it } from 'vitest';
import { LaunchError } from '../../src/errors.js';
import { parseTourOptions, USAGE } from '../../src/tour/options.js';

const PATHS = { cwd: '/home/me/work', reportsDir: '/repo/reports' };
const parse = (...argv: string[]) => parseTourOptions(argv, PATHS);

describe('parseTourOptions', () => {
  it('when nothing is given, then the tour starts at step 1 on its own stack, waiting for keys', () => {
    expect(parse()).toEqual({
      auto: false,
      quick: false,
      live: false,
      step: 1,
      outDir: '/repo/reports',
      noStart: false,
      urls: {},
      help: false,
    });
  });

  it('when options are given, then they are parsed', () => {
    expect(
      parse('--auto', '--quick', '--live', '--step', '7', '--no-start', '--v2-url', 'http://h:1/'),
    ).toMatchObject({
      auto: true,
      quick: true,
      live: true,
      step: 7,
      noStart: true,
      urls: { 'gateway-v2': 'http://h:1' },
    });
  });

  it('when --out is given, then it is taken from where the command ran', () => {
    expect(parse('--out', 'o').outDir).toBe('/home/me/work/o');
  });

  it.each([
    [['--step', '0'], '--step must be a whole number from 1 to 10, got "0"'],
    [['--step', 'two'], '--step must be a whole number from 1 to 10'],
    [['--v1-url', 'localhost:8080'], '--v1-url must be a URL like http://127.0.0.1:8080'],
    [['--rate', '5'], "Unknown option '--rate'"],
    [
      ['--v1-url', 'http://h:1'],
      '--v1-url says where running services are, so it goes with --no-start',
    ],
    [['--no-start', '--out', 'o'], 'with --no-start no service is started'],
  ])('when given %j, then it is a BAD_OPTION saying so', (argv, message) => {
    expect(() => parse(...argv)).toThrow(LaunchError);
    expect(() => parse(...argv)).toThrow(message);
  });

  it('when asked for the usage, then it lists every step and the keys', () => {
    expect(USAGE).toContain(' 1  Normal operation');
    expect(USAGE).toContain('10  Partial failure');
    expect(USAGE).toContain('Enter next · r repeat the step · b back · q quit');
  });
});
