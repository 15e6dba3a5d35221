import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../src/bench/options.js';
import { LaunchError } from '../../src/errors.js';

const PATHS = { cwd: '/home/me/work', reportsDir: '/repo/reports' };
const parse = (...argv: string[]) => parseBenchOptions(argv, PATHS);

describe('parseBenchOptions', () => {
  it('when nothing is given, then the full bench writes into reports/', () => {
    expect(parse()).toEqual({ quick: false, outDir: '/repo/reports', help: false });
  });

  it('when --quick and --out are given, then --out is taken from where the command ran', () => {
    expect(parse('--quick', '--out', 'runs/1')).toEqual({
      quick: true,
      outDir: '/home/me/work/runs/1',
      help: false,
    });
    expect(parse('-h').help).toBe(true);
  });

  it.each([
    [['--fast'], "Unknown option '--fast'"],
    [['--out'], "Option '--out <value>' argument missing"],
    [['full'], 'Unexpected argument'],
    [['--quick=yes'], "Option '--quick' does not take an argument"],
  ])('when the arguments are %j, then a bad-option error says what is wrong', (argv, message) => {
    expect(() => parse(...argv)).toThrow(LaunchError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
