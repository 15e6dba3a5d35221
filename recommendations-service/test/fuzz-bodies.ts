import { FAILURE_MODES } from '../src/contract.js';

/** A small seeded generator (mulberry32): the same seed gives the same bodies on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const word = (max = 10) =>
    Array.from({ length: 1 + int(max) }, () =>
      pick([...'abcdefghijklmnopqrstuvwxyzHANG _-$.']),
    ).join('');
  return { next, int, pick, word };
}

export type Random = ReturnType<typeof seeded>;

const FIELDS = ['mode', 'hangMs', 'latencyMs', 'errorRate', 'capacity', 'workMs'];

/** Any JSON value, nested up to `depth`. */
export function anyValue(r: Random, depth = 3): unknown {
  const kind = depth > 0 ? r.int(7) : r.int(5);
  switch (kind) {
    case 0:
      return r.next() * 2e6 - 1e6;
    case 1:
      return r.word();
    case 2:
      return r.pick([true, false]);
    case 3:
      return null;
    case 4:
      return r.int(1000);
    case 5:
      return Array.from({ length: r.int(4) }, () => anyValue(r, depth - 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [r.word(6), anyValue(r, depth - 1)]),
      );
  }
}

/** A value that is not one of the modes (case and spaces matter). */
function notAMode(r: Random): unknown {
  const value = r.pick([
    () => r.word(),
    () => r.pick(FAILURE_MODES).toUpperCase(),
    () => ` ${r.pick(FAILURE_MODES)}`,
    () => anyValue(r, 2),
  ])();
  return (FAILURE_MODES as readonly unknown[]).includes(value) ? `${String(value)}!` : value;
}

/** A delay the endpoint must refuse: negative, over 600 000, fractional, or not a number. */
const badMs = (r: Random) =>
  r.pick([
    -1 - r.int(1000),
    600_001 + r.int(1e6),
    r.int(1000) + 0.5,
    String(r.int(1000)),
    null,
    true,
    [],
    {},
  ]);

/** An error rate the endpoint must refuse: outside 0..1, or not a number. */
const badRate = (r: Random) =>
  r.pick([1.001 + r.next(), -0.001 - r.next(), '0.5', null, false, [0.5]]);

/** An object key that is none of the fields the endpoint knows. */
function unknownKey(r: Random): string {
  const key = r.word(8);
  return FIELDS.includes(key) ? `${key}_` : key;
}

/** JSON bodies the admin endpoint must refuse with a 400, one kind of wrong each. */
export const INVALID_JSON_BODIES: Record<string, (r: Random) => unknown> = {
  'not an object': (r) =>
    r.pick([
      () => r.int(100),
      () => r.word(),
      () => true,
      () => null,
      () => [{ mode: 'hang' }],
      () => Array.from({ length: r.int(4) }, () => anyValue(r)),
    ])(),
  'no mode': (r) =>
    Object.fromEntries(
      [
        ['hangMs', r.int(1000)],
        [unknownKey(r), anyValue(r)],
      ].slice(0, 1 + r.int(2)),
    ),
  'an unknown mode or one of the wrong type': (r) => ({ mode: notAMode(r) }),
  'a delay out of range or of the wrong type': (r) => ({
    mode: r.pick(FAILURE_MODES),
    [r.pick(['hangMs', 'latencyMs', 'workMs'])]: badMs(r),
  }),
  'an error rate out of range or of the wrong type': (r) => ({
    mode: 'partial',
    errorRate: badRate(r),
  }),
  'a capacity out of range or of the wrong type': (r) => ({
    mode: r.pick(FAILURE_MODES),
    capacity: r.pick([-1 - r.int(10), 100_001 + r.int(1e6), r.int(10) + 0.5, '4', null, [2]]),
  }),
  'an unknown field': (r) => ({ mode: r.pick(FAILURE_MODES), [unknownKey(r)]: anyValue(r) }),
  'the mode nested in garbage': (r) => ({
    [unknownKey(r)]: { mode: r.pick(FAILURE_MODES), junk: anyValue(r) },
  }),
};

/** Texts that are not JSON at all: cut short, single-quoted, trailing commas, random bytes. */
export function notJson(r: Random): string {
  const valid = JSON.stringify({ mode: r.pick(FAILURE_MODES), hangMs: r.int(1000) });
  return r.pick([
    () => valid.slice(0, 1 + r.int(valid.length - 1)),
    () => valid.replace(/"/g, "'"),
    () => valid.replace('}', ',}'),
    () => `{${r.word()}}`,
    () =>
      Array.from({ length: 1 + r.int(40) }, () => String.fromCharCode(33 + r.int(90)))
        .join('')
        .replace(/^[\d"[{tfn-]/, '~'),
  ])();
}

/** A content type that is not application/json, however close (case and parameters are fine). */
export function notJsonType(r: Random): string {
  const type = r.pick([
    () => r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']),
    () => r.pick(['application/xml', 'text/json', 'application/json5', 'application/jsonp']),
    () => `application/${r.word(8).replace(/[^a-z]/g, '') || 'x'}+json`,
    () => `${r.word(6).replace(/[^a-z]/g, '') || 'x'}/${r.word(6).replace(/[^a-z]/g, '') || 'y'}`,
    () => 'application/jsonx; charset=utf-8',
  ])();
  return type.split(';')[0]?.trim().toLowerCase() === 'application/json' ? 'text/plain' : type;
}

const TLDS = ['com', 'example', 'io', 'net', 'test', 'dev'];
const label = (r: Random) => r.word(8).replace(/[^a-z]/g, '') || 'x';

/** A Host a page on another name would send: a DNS name not under localhost, with or without a port. */
export function foreignHost(r: Random): string {
  const name = r.pick([
    () => `${label(r)}.${r.pick(TLDS)}`,
    () => `localhost.${label(r)}.${r.pick(TLDS)}`,
    () => `${r.int(256)}.${r.int(256)}.${r.int(256)}.${r.int(256)}.nip.io`,
    () => `${label(r)}.localhost.${label(r)}.${r.pick(TLDS)}`,
    () => `${label(r)}@localhost`,
  ])();
  return r.pick([true, false]) ? `${name}:${1 + r.int(65535)}` : name;
}

/** An Origin of a page that is not the service's. */
export function foreignOrigin(r: Random): string {
  return r.pick([
    () => `${r.pick(['http', 'https'])}://${foreignHost(r)}`,
    () => 'null',
    () => `${r.pick(['file', 'chrome-extension', 'data'])}://${label(r)}`,
  ])();
}

/** An authorization header that is not `Bearer <token>`: near misses first. */
export function wrongAuthorization(r: Random, token: string): string {
  return r.pick([
    () => `Bearer ${token.slice(0, r.int(token.length))}`,
    () => `Bearer ${token}${r.word(3)}`,
    () => `Bearer ${token.toUpperCase()}`,
    () => `Basic ${token}`,
    () => token,
    () => `Bearer  ${token}`,
    () => `Bearer ${token} ${token}`,
    () => `Bearer ${r.word(24).replace(/ /g, '_')}`,
  ])();
}
