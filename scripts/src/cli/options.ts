import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Targets } from '@cbd/loadtest';
import { LaunchErrors } from '../errors.js';
import { STACK_PORT_SETTINGS } from '../settings.js';
import { localUrl } from '../stack/services.js';

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
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
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
  const value = /^\d{1,10}(\.\d{1,6})?$/.test(raw) ? Number(raw) : Number.NaN;
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

const defaultUrl = (name: keyof Targets) => localUrl(STACK_PORT_SETTINGS[name].default);

/** Where the running services are, with --no-start: the options, each defaulting to its port. */
export const TARGET_OPTIONS = {
  'v1-url': { type: 'string', default: defaultUrl('gateway-v1') },
  'v2-url': { type: 'string', default: defaultUrl('gateway-v2') },
  'recommendations-url': { type: 'string', default: defaultUrl('recommendations-service') },
} as const;

export const TARGET_USAGE = `  --v1-url <url>              gateway-v1 (default ${defaultUrl('gateway-v1')})
  --v2-url <url>              gateway-v2 (default ${defaultUrl('gateway-v2')})
  --recommendations-url <url> recommendations-service (default ${defaultUrl('recommendations-service')})`;

/** The services' URLs from TARGET_OPTIONS' values. */
export function targetsOf(values: Record<keyof typeof TARGET_OPTIONS, string>): Targets {
  return {
    'gateway-v1': url('v1-url', values['v1-url']),
    'gateway-v2': url('v2-url', values['v2-url']),
    'recommendations-service': url('recommendations-url', values['recommendations-url']),
  };
}
