import { z } from 'zod';
import { LOG_LEVELS } from './logger.js';

export type EnvSource = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

// `PORT=` in a shell or a compose file means "not set", so an empty value takes the default.
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function int(fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  const error = `must be an integer from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error })
      .int({ error })
      .min(min, { error })
      .max(max, { error })
      .default(fallback),
  );
}

function number(fallback: number, min: number, max: number) {
  const error = `must be a number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ error }).min(min, { error }).max(max, { error }).default(fallback),
  );
}

function httpUrl(fallback: string) {
  const error = 'must be an http:// or https:// URL, e.g. http://127.0.0.1:8081';
  return z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error })
      .default(fallback)
      .transform((url) => url.replace(/\/+$/, '')),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  const error = `must be one of ${values.join(', ')}`;
  return z.preprocess(blankToUndefined, z.enum(values, { error }).default(fallback));
}

function bool(fallback: boolean) {
  const error = 'must be true or false';
  return z.preprocess(blankToUndefined, z.stringbool({ error }).default(fallback));
}

function host(fallback: string) {
  const error = 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0';
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.:_-]+$/, { error })
      .default(fallback),
  );
}

/** Schemas for one environment variable each: every key has a default and a clear rule. */
export const env = {
  int,
  number,
  port: (fallback: number) => int(fallback, 0, 65535),
  httpUrl,
  oneOf,
  bool,
  host,
  logLevel: () => oneOf(LOG_LEVELS, 'info'),
};

/** Parses the variables `shape` names from `source`; throws one ConfigError naming each bad one. */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  source: EnvSource,
): z.output<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(source[name])}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
