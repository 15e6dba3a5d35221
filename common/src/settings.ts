import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './logger.js';

// Every setting of every service is defined once, here in kind and in each service's config.ts
// in substance: its environment variable, default, rule and meaning. Parsing the environment,
// the JSON bodies that change a setting at run time and the environment the launchers give a
// child are derived from those definitions; the README's tables are checked against them by a
// test, and the compose file passes each variable through blank, so blank means the default.

export type EnvSource = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

export interface Setting<T> {
  /** The environment variable that sets it. */
  readonly env: string;
  readonly default: T;
  /** One sentence for the README and the launchers' messages. */
  readonly meaning: string;
  /** The rule in words, e.g. "an integer from 1 to 600000". */
  readonly rule: string;
  /** What a value must be, whether it comes from the environment or from a JSON body. */
  readonly schema: z.ZodType<T>;
  /** The text of an environment variable (trimmed, not blank) as a value, or undefined if it is not one. */
  fromEnv(text: string): T | undefined;
  /** The value as the environment (and the README's default column) writes it. */
  toEnv(value: T): string;
  /** A secret: a bad value is reported without being shown. */
  readonly secret?: boolean;
}

/** A number setting also tells its range, e.g. for a launcher that wants the largest value. */
export interface NumberSetting extends Setting<number> {
  readonly min: number;
  readonly max: number;
}

export type Settings = Record<string, Setting<unknown>>;
export type SettingValue<S> = S extends Setting<infer T> ? T : never;
export type SettingValues<S extends Settings> = { [K in keyof S]: SettingValue<S[K]> };

interface Spec<T> {
  default: T;
  meaning: string;
}

function define<T>(
  env: string,
  spec: Spec<T>,
  rule: string,
  schema: z.ZodType<T>,
  parse: (text: string) => unknown,
  toEnv: (value: T) => string = String,
): Setting<T> {
  return {
    env,
    default: spec.default,
    meaning: spec.meaning,
    rule,
    schema,
    fromEnv(text) {
      const parsed = schema.safeParse(parse(text));
      return parsed.success ? parsed.data : undefined;
    },
    toEnv,
  };
}

// Decimal digits only: Number() would also take "0x1F90", "0o17", "0b1", "1e4" and " 80 ".
// No leading zero either: "017" is 15 to a C or shell reader and 17 to Number().
const DIGITS = /^(0|[1-9]\d{0,14})$/;
const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,15})?$/;
const notANumber = Number.NaN;

/** A whole number as a person writes one ("8080"), or NaN: the rule for settings and options. */
export const readWholeNumber = (text: string): number =>
  DIGITS.test(text) ? Number(text) : notANumber;

/** A decimal number as a person writes one ("12.5"), or NaN. */
export const readDecimalNumber = (text: string): number =>
  DECIMAL.test(text) ? Number(text) : notANumber;

type Range = { min: number; max: number };

function int(env: string, spec: Spec<number> & Range): NumberSetting {
  const rule = `an integer from ${spec.min} to ${spec.max}`;
  const schema = z
    .int({ error: `must be ${rule}` })
    .min(spec.min)
    .max(spec.max);
  return { ...define(env, spec, rule, schema, readWholeNumber), min: spec.min, max: spec.max };
}

function number(env: string, spec: Spec<number> & Range): NumberSetting {
  const rule = `a number from ${spec.min} to ${spec.max}`;
  const schema = z
    .number({ error: `must be ${rule}` })
    .min(spec.min)
    .max(spec.max);
  return { ...define(env, spec, rule, schema, readDecimalNumber), min: spec.min, max: spec.max };
}

function port(env: string, spec: Spec<number>): NumberSetting {
  return int(env, { ...spec, min: 0, max: 65535 });
}

function oneOf<const V extends readonly [string, ...string[]]>(
  env: string,
  values: V,
  spec: Spec<V[number]>,
): Setting<V[number]> {
  const rule = `one of ${values.join(', ')}`;
  return define(env, spec, rule, z.enum(values, { error: `must be ${rule}` }), (t) => t);
}

/** A comma-separated list of distinct values from `values` ("none" or blank for an empty one). */
function listOf<const V extends readonly [string, ...string[]]>(
  env: string,
  values: V,
  spec: Spec<V[number][]>,
): Setting<V[number][]> {
  const rule = `a comma-separated list of ${values.join(', ')} (or none)`;
  const schema = z
    .array(z.enum(values, { error: `must be ${rule}` }), { error: `must be ${rule}` })
    .refine((list) => new Set(list).size === list.length, { error: 'must not repeat a value' });
  const parse = (t: string) =>
    t.toLowerCase() === 'none' ? [] : t.split(',').map((part) => part.trim().toLowerCase());
  const toEnv = (list: readonly string[]) => (list.length ? list.join(',') : 'none');
  return define(env, spec, rule, schema, parse, toEnv);
}

function bool(env: string, spec: Spec<boolean>): Setting<boolean> {
  const rule = 'true or false';
  const parse = (t: string) => ({ true: true, false: false })[t.toLowerCase()] ?? t;
  return define(env, spec, rule, z.boolean({ error: `must be ${rule}` }), parse);
}

function host(env: string, spec: Spec<string>): Setting<string> {
  const rule = 'a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0';
  const schema = z.string().regex(/^[A-Za-z0-9.:_-]{1,253}$/, { error: `must be ${rule}` });
  return define(env, spec, rule, schema, (t) => t);
}

// A DNS name: dot-separated labels of letters, digits and inner hyphens (no port, no wildcard).
const DNS_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A comma-separated list of distinct DNS names, lower-cased ("none" or blank for an empty one). */
function hostNames(env: string, spec: Spec<string[]>): Setting<string[]> {
  const rule = 'a comma-separated list of host names such as demo.example, without ports (or none)';
  const schema = z
    .array(z.string().regex(DNS_NAME, { error: `must be ${rule}` }), { error: `must be ${rule}` })
    .refine((list) => new Set(list).size === list.length, { error: 'must not repeat a name' });
  const parse = (t: string) =>
    t.toLowerCase() === 'none' ? [] : t.split(',').map((part) => part.trim().toLowerCase());
  const toEnv = (list: readonly string[]) => (list.length ? list.join(',') : 'none');
  return define(env, spec, rule, schema, parse, toEnv);
}

/** A secret string; empty (the default) means the feature it guards is off. */
function secret(env: string, spec: Spec<''>): Setting<string> {
  const rule = '16 to 256 visible ASCII characters (no spaces)';
  const schema = z.union([
    z.literal(''),
    z.string().regex(/^[\x21-\x7e]{16,256}$/, { error: `must be ${rule}` }),
  ]);
  return { ...define<string>(env, spec, rule, schema, (t) => t), secret: true };
}

/** A base URL: scheme, host, port and path only (a query or fragment would break every path joined to it). */
function isBaseUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    !text.includes('?') &&
    !text.includes('#')
  );
}

function baseUrl(env: string, spec: Spec<string>): Setting<string> {
  const rule =
    'an http:// or https:// URL with a host, an optional port and path, e.g. http://127.0.0.1:8081';
  const schema = z
    .string()
    .refine(isBaseUrl, { error: `must be ${rule}` })
    .transform((text) => text.replace(/\/+$/, ''));
  return define(env, spec, rule, schema as unknown as z.ZodType<string>, (t) => t);
}

function logLevel(env: string, spec: Spec<LogLevel>): Setting<LogLevel> {
  return oneOf(env, LOG_LEVELS, spec);
}

/** The kinds of setting; each service's config.ts defines its own with these. */
export const setting = {
  int,
  number,
  port,
  oneOf,
  listOf,
  bool,
  host,
  hostNames,
  secret,
  baseUrl,
  logLevel,
};

/**
 * Reads every setting of `defs` from `source`: a variable left out or blank (`PORT=` in a shell
 * or a compose file) takes the default. Throws one ConfigError naming each bad variable once.
 */
export function readSettings<S extends Settings>(defs: S, source: EnvSource): SettingValues<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, def] of Object.entries(defs)) {
    const raw = source[def.env];
    const text = raw?.trim() ?? '';
    if (text === '') {
      values[key] = def.default;
      continue;
    }
    const value = def.fromEnv(text);
    if (value === undefined) {
      const shown = def.secret ? ' (not shown)' : `=${JSON.stringify(raw?.slice(0, 200))}`;
      problems.push(`${def.env}${shown}: must be ${def.rule}`);
    } else values[key] = value;
  }
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return values as SettingValues<S>;
}

/** The environment variables that give a child process these values (the rest keep their defaults). */
export function settingsEnv<S extends Settings>(
  defs: S,
  values: Partial<SettingValues<S>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const def = defs[key];
    if (def && value !== undefined) env[def.env] = def.toEnv(value);
  }
  return env;
}

/** A strict JSON-body schema of these settings' values (e.g. for a run-time change), keyed like the config. */
export function settingsSchema<S extends Settings>(defs: S) {
  const shape = Object.fromEntries(Object.entries(defs).map(([key, def]) => [key, def.schema]));
  return z.strictObject(shape as { [K in keyof S]: z.ZodType<SettingValue<S[K]>> });
}

/** The keys named, e.g. a group of settings out of a service's config. */
export function pick<T extends object, K extends keyof T>(
  values: T,
  keys: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, values[key]])) as Pick<T, K>;
}

/** Everything but the keys named. */
export function omit<T extends object, K extends keyof T>(
  values: T,
  keys: readonly K[],
): Omit<T, K> {
  const rest: Partial<T> = { ...values };
  for (const key of keys) delete rest[key];
  return rest as Omit<T, K>;
}

/**
 * Where each service listens unless told otherwise. One plan for the whole stack: the gateways'
 * default upstream URLs and the launchers' port settings are read from it.
 */
export const DEFAULT_PORTS = {
  'product-service': 8081,
  'recommendations-service': 8082,
  'gateway-v1': 8080,
  'gateway-v2': 8090,
} as const;

/** Hosts that listen on every address of the machine: loopback is one of them. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/**
 * Where a service on this machine listening on `host` answers: loopback when it listens on
 * every address (or on loopback), else that address, since a service bound to one LAN address
 * is not on loopback.
 */
export function localUrl(port: number, host = '127.0.0.1'): string {
  const reach = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}

/** The settings every service reads. */
export function serviceSettings(defaultPort: number) {
  return {
    host: setting.host('HOST', {
      default: '127.0.0.1',
      meaning:
        'address to listen on (`0.0.0.0` to be reachable from other machines: then set `ADMIN_TOKEN`)',
    }),
    port: setting.port('PORT', { default: defaultPort, meaning: 'port to listen on' }),
    logLevel: setting.logLevel('LOG_LEVEL', {
      default: 'info',
      meaning:
        '`fatal`, `error`, `warn`, `info`, `debug` (one line per request), `trace`, `silent`',
    }),
    shutdownGraceMs: setting.int('SHUTDOWN_GRACE_MS', {
      default: 2000,
      min: 0,
      max: 60_000,
      meaning:
        'on SIGINT/SIGTERM, how long in-flight requests may finish before their connections are closed',
    }),
    allowedHosts: setting.hostNames('ALLOWED_HOSTS', {
      default: [],
      meaning:
        'host names, besides `localhost`, `*.localhost` and IP addresses, that admin requests may name in Host and Origin (e.g. the name a classroom reaches the machine by)',
    }),
    adminToken: setting.secret('ADMIN_TOKEN', {
      default: '',
      meaning:
        'when set, admin POST routes require `authorization: Bearer <token>`; set it whenever ports are opened to a network',
    }),
  };
}

export type ServiceConfig = SettingValues<ReturnType<typeof serviceSettings>>;

/** Where a gateway finds the two services, and how much of an answer it takes from them. */
export function upstreamSettings() {
  return {
    productServiceUrl: setting.baseUrl('PRODUCT_SERVICE_URL', {
      default: localUrl(DEFAULT_PORTS['product-service']),
      meaning: 'where product-service is',
    }),
    recommendationsServiceUrl: setting.baseUrl('RECOMMENDATIONS_SERVICE_URL', {
      default: localUrl(DEFAULT_PORTS['recommendations-service']),
      meaning: 'where recommendations-service is',
    }),
    upstreamMaxBodyBytes: setting.int('UPSTREAM_MAX_BODY_BYTES', {
      default: 1_048_576,
      min: 1024,
      max: 104_857_600,
      meaning:
        'the largest answer taken from either service (decoded); the download of a larger one stops there and the call fails',
    }),
    maxRecommendations: setting.int('MAX_RECOMMENDATIONS', {
      default: 100,
      min: 0,
      max: 10_000,
      meaning: 'the most products a recommendations answer may list; a longer list fails the call',
    }),
  };
}

export type GatewayConfig = ServiceConfig & SettingValues<ReturnType<typeof upstreamSettings>>;
