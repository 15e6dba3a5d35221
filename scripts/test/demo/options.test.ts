import { describe, expect, it } from 'vitest';
import { parseDemoOptions } from '../../src/demo/options.js';
import { LaunchError } from '../../src/errors.js';

const PATHS = { cwd: '/home/me/work', reportsDir: '/repo/reports' };
const parse = (...argv: string[]) => parseDemoOptions(argv, PATHS);

describe('parseDemoOptions', () => {
  it('when nothing is given, then both scenarios run at full length into reports/', () => {
    expect(parse()).toMatchObject({
      quick: false,
      scenarios: ['outage', 'timeline'],
      outDir: '/repo/reports',
      noStart: false,
      urls: { 'gateway-v1': 'http://127.0.0.1:8080', 'gateway-v2': 'http://127.0.0.1:8090' },
    });
    expect(parse().connections).toBeUndefined();
  });

  it('when options are given, then they are parsed, --out relative to where the command ran', () => {
    const options = parse(
      '--quick',
      '--scenario',
      'timeline',
      '--connections',
      '30',
      '--duration',
      '20',
      '--out',
      'out/run1',
    );

    expect(options).toMatchObject({
      quick: true,
      scenarios: ['timeline'],
      connections: 30,
      durationMs: 20_000,
      outDir: '/home/me/work/out/run1',
    });
  });

  it('when --no-start comes with URLs, then they are used without a trailing slash', () => {
    const options = parse('--no-start', '--v2-url', 'http://localhost:9090/');

    expect(options.noStart).toBe(true);
    expect(options.urls['gateway-v2']).toBe('http://localhost:9090');
  });

  it('when --live is given, then the live view is asked for, with the connections given', () => {
    expect(parse('--live', '--connections', '60')).toMatchObject({ live: true, connections: 60 });
    expect(parse().live).toBe(false);
  });

  it.each([
    [['--scenario', 'chaos'], '--scenario must be outage, timeline or all'],
    [['--connections', '0'], '--connections must be a whole number from 1 to 10000'],
    [['--connections', 'many'], '--connections must be a whole number'],
    [['--duration', '1.5'], '--duration must be a whole number from 1 to 3600'],
    [['--v1-url', 'localhost:8080'], '--v1-url must be a URL like http://127.0.0.1:8080'],
    [['--fast'], "Unknown option '--fast'"],
    [['report'], 'Unexpected argument'],
  ])('when the arguments are %j, then a bad-option error says what is wrong', (argv, message) => {
    expect(() => parse(...argv)).toThrow(LaunchError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
