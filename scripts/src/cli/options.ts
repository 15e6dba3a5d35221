import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localUrl, readDecimalNumber, readWholeNumber, type EnvSource } from '@cbd/common';
import type { Targets } from '@cbd/loadtest';
import { LaunchErrors } from '../errors.js';
import { readStackPorts, STACK_PORT_SETTINGS } from '../settings.js';

/** Where a command takes relative paths from, and where its reports go by default. */
export interface CommandPaths {
  /** The directory the user ran the command in (pnpm runs scripts in the package's). */
  cwd: string;
  reportsDir: string;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

type Parsed<T extends OptionsConfig> = ReturnType<
  typeof parseArgs<{
    args: string[];
    strict: true;
    allowPositionals: false;
    options: T & typeof HELP;
  }>
>['values'];

/**
 * Options only (no positional arguments), plus -h/--help; whatever parseArgs rejects is a
 * BAD_OPTION error.
 */
export function parseOptions<const T extends OptionsConfig>(argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { ...options, ...HELP },
    }).values;
  } catch (err) {
    throw LaunchErrors.badOption((err as Error).message);
  }
}

export function positiveInt(
  name: string,
  raw: string | undefined,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = readWholeNumber(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw LaunchErrors.badOption(`--${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  }
  return value;
}

/** A decimal number above 0 and at most `max` (e.g. --rate 12.5); `why` says where max comes from. */
export function positiveNumber(
  name: string,
  raw: string | undefined,
  max: number,
  why = '',
): number | undefined {
  if (raw === undefined) return undefined;
  const value = readDecimalNumber(raw);
  if (!(value > 0 && value <= max)) {
    throw LaunchErrors.badOption(
      `--${name} must be a number above 0 and at most ${max}${why}, got "${raw}"`,
    );
  }
  return value;
}

/** One of `values`. */
export function oneOf<const V extends readonly string[]>(
  name: string,
  raw: string,
  values: V,
): V[number] {
  if ((values as readonly string[]).includes(raw)) return raw;
  const choices =
    values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0];
  throw LaunchErrors.badOption(`--${name} must be ${choices}, got "${raw}"`);
}

/** --out: taken from where the command ran; the reports directory if not given. */
export function outDir(raw: string | undefined, paths: CommandPaths): string {
  return raw === undefined ? paths.reportsDir : resolve(paths.cwd, raw);
}

/** A base URL option (--v1-url ...), without its trailing slash. */
export function url(name: string, raw: string): string {
  if (!/^https?:\/\/[^/\s?#]+\/?$/.test(raw)) {
    throw LaunchErrors.badOption(
      `--${name} must be a URL like ${localUrl(STACK_PORT_SETTINGS['gateway-v1'].default)}, got "${raw}"`,
    );
  }
  return raw.replace(/\/$/, '');
}

const TARGET_OF = {
  'v1-url': 'gateway-v1',
  'v2-url': 'gateway-v2',
  'recommendations-url': 'recommendations-service',
} as const satisfies Record<string, keyof Targets>;

type TargetOption = keyof typeof TARGET_OF;

/** Where the running services are, with --no-start; the ones left out are found by port. */
export const TARGET_OPTIONS = {
  'v1-url': { type: 'string' },
  'v2-url': { type: 'string' },
  'recommendations-url': { type: 'string' },
} as const satisfies Record<TargetOption, unknown>;

const TARGET_NAMES = Object.keys(TARGET_OF) as TargetOption[];
const INDENT = ' '.repeat(30);

export const TARGET_USAGE = [
  ...TARGET_NAMES.map(
    (o) =>
      `  --${`${o} <url>`.padEnd(26)}${TARGET_OF[o]} (default ${localUrl(STACK_PORT_SETTINGS[TARGET_OF[o]].default)})`,
  ),
  `${INDENT}a default moves with the service's port variable:`,
  `${INDENT}${TARGET_NAMES.map((o) => STACK_PORT_SETTINGS[TARGET_OF[o]].env).join(', ')}`,
].join('\n');

/**
 * The URLs given, each checked. They say where services already running are, so they go with
 * --no-start only: without it the services are started on their own ports, and a URL would be
 * ignored.
 */
export function givenTargets(
  values: Partial<Record<TargetOption, string>>,
  noStart: boolean,
): Partial<Targets> {
  const given = TARGET_NAMES.filter((o) => values[o] !== undefined);
  const urls = Object.fromEntries(given.map((o) => [TARGET_OF[o], url(o, values[o] as string)]));
  if (given.length > 0 && !noStart)
    throw LaunchErrors.badOption(
      `--${given[0]} says where running services are, so it goes with --no-start; without it the services are started on their own ports`,
    );
  return urls;
}

/**
 * With --no-start, where the services are: the URLs given, the others on 127.0.0.1 at the
 * ports `pnpm start` would have put them on, its *_PORT variables included.
 */
export function runningTargets(given: Partial<Targets>, env: EnvSource): Targets {
  const ports = readStackPorts(env);
  const at = (name: keyof Targets) => given[name] ?? localUrl(ports[name]);
  return {
    'gateway-v1': at('gateway-v1'),
    'gateway-v2': at('gateway-v2'),
    'recommendations-service': at('recommendations-service'),
  };
}

/** Where the services already running are: planned with --no-start, asked for without a stack. */
export function runningOf(plan: { running: Targets | undefined }): Targets {
  if (!plan.running) throw new Error('the services run nowhere: neither started nor --no-start');
  return plan.running;
}
