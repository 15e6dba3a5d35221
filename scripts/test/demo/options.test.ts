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
      urls: {},
    });
    expect(parse().load).toEqual({ quick: false, model: 'open', arrivals: 'poisson' });
  });

  it('when options are given, then they are parsed, --out relative to where the command ran', () => {
    const options = parse(
      '--quick',
      '--scenario',
      'timeline',
      '--rate',
      '42.5',
      '--arrivals',
      'uniform',
      '--patience',
      '0.5',
      '--duration',
      '20',
      '--out',
      'out/run1',
    );

    expect(options).toMatchObject({
      quick: true,
      scenarios: ['timeline'],
      load: {
        quick: true,
        model: 'open',
        rate: 42.5,
        arrivals: 'uniform',
        patienceMs: 500,
        durationMs: 20_000,
      },
      outDir: '/home/me/work/out/run1',
    });
  });

  it('when --load closed comes with connections, then the closed loop is asked for', () => {
    expect(parse('--load', 'closed', '--connections', '30').load).toMatchObject({
      model: 'closed',
      connections: 30,
    });
  });

  it('when --no-start comes with URLs, then they are used without a trailing slash', () => {
    const options = parse('--no-start', '--v2-url', 'http://localhost:9090/');

    expect(options.noStart).toBe(true);
    expect(options.urls).toEqual({ 'gateway-v2': 'http://localhost:9090' });
  });

  it('when a scenario run on request is named, then only it runs', () => {
    expect(parse('--scenario', 'layers').scenarios).toEqual(['layers']);
    expect(parse('--scenario', 'partial').scenarios).toEqual(['partial']);
    expect(parse().scenarios).toEqual(['outage', 'timeline']);
  });

  it('when --live is given, then the live view is asked for, with the rate given', () => {
    expect(parse('--live', '--rate', '60')).toMatchObject({ live: true, load: { rate: 60 } });
    expect(parse().live).toBe(false);
  });

  it.each([
    [['--scenario', 'chaos'], '--scenario must be outage, timeline, partial, layers or all'],
    [['--scenario', 'layers', '--no-start'], 'it cannot run with --no-start'],
    [
      ['--load', 'closed', '--connections', '0'],
      '--connections must be a whole number from 1 to 10000',
    ],
    [['--load', 'closed', '--connections', 'many'], '--connections must be a whole number'],
    [['--connections', '20'], '--connections goes with --load closed'],
    [['--load', 'closed', '--rate', '20'], '--rate goes with the open model'],
    [['--rate', '0'], '--rate must be a number above 0 and at most 2000'],
    [['--rate=-5'], '--rate must be a number above 0'],
    [
      ['--rate', '2001'],
      'at most 2000 (beyond it this machine cannot send users when they are due)',
    ],
    [['--rate', '1e3'], '--rate must be a number above 0'],
    [['--rate', '012'], '--rate must be a number above 0'],
    [['--load', 'closed', '--connections', '017'], '--connections must be a whole number'],
    [['--load', 'closed', '--connections', '0x10'], '--connections must be a whole number'],
    [['--load', 'sideways'], '--load must be open or closed'],
    [['--arrivals', 'bursty'], '--arrivals must be poisson or uniform'],
    [['--patience', '0'], '--patience must be a number above 0'],
    [['--duration', '1.5'], '--duration must be a whole number from 1 to 3600'],
    [['--v1-url', 'localhost:8080'], '--v1-url must be a URL like http://127.0.0.1:8080'],
    [
      ['--v2-url', 'http://h:1'],
      '--v2-url says where running services are, so it goes with --no-start',
    ],
    [['--load', 'closed', '--arrivals', 'uniform'], '--arrivals goes with the open model'],
    [['--live', '--scenario', 'outage'], '--live runs no scenario'],
    [['--fast'], "Unknown option '--fast'"],
    [['report'], 'Unexpected argument'],
  ])('when the arguments are %j, then a bad-option error says what is wrong', (argv, message) => {
    expect(() => parse(...argv)).toThrow(LaunchError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
