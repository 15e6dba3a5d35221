// What tests throw at the services: settings a lenient parser would take, JSON bodies that try
// to pollute Object.prototype, Host and Origin headers of pages that are not the service.

/** Ports Number() would take: hex, octal (0o and a leading zero), binary, exponent, a sign. */
export const LENIENT_PORTS = [
  '0x1F90',
  '0X1f90',
  '1e4',
  '8.08e3',
  '0o17620',
  '017620',
  '0b1',
  '+8080',
];

/** Base URLs with a query, a fragment or credentials: every path joined to them would break. */
export const LENIENT_BASE_URLS = [
  'http://127.0.0.1:8082/?debug=1',
  'http://127.0.0.1:8082?',
  'http://127.0.0.1:8082/#top',
  'http://127.0.0.1:8082#',
  'http://user:secret@127.0.0.1:8082',
];

/** The property a polluting body tries to give every object. */
export const POLLUTION_MARK = 'polluted';

/** Whether any polluting body got through to Object.prototype. */
export function isPrototypePolluted(): boolean {
  return (
    POLLUTION_MARK in {} || Object.prototype.hasOwnProperty.call(Object.prototype, POLLUTION_MARK)
  );
}

/**
 * Raw JSON texts (JSON.stringify cannot write a "__proto__" key) that carry a valid body
 * together with an attempt on the prototype: at the top, inside each field, inside an array.
 */
export function pollutingBodies(valid: Record<string, unknown>): string[] {
  const fields = JSON.stringify(valid).slice(1, -1);
  const mark = `{"${POLLUTION_MARK}":true}`;
  const withFields = (extra: string) => `{${[extra, fields].filter(Boolean).join(',')}}`;
  return [
    withFields(`"__proto__":${mark}`),
    `{${fields},"__proto__":${mark}}`,
    withFields(`"constructor":{"prototype":${mark}}`),
    withFields(`"prototype":${mark}`),
    withFields(`"__proto__":{"__proto__":${mark}}`),
    `[${withFields(`"__proto__":${mark}`)}]`,
    ...Object.keys(valid).map((key) =>
      JSON.stringify({ ...valid, [key]: 'PLACEHOLDER' }).replace(
        '"PLACEHOLDER"',
        `{"__proto__":${mark},"constructor":{"prototype":${mark}}}`,
      ),
    ),
  ];
}

/** Host headers a DNS-rebinding page would send: names that are not localhost nor an IP. */
export const FOREIGN_HOSTS = [
  'evil.example',
  'rebind.evil.example:8082',
  'localhost.evil.example',
  '127.0.0.1.nip.io',
  'evil.example@localhost',
  '0x7f000001',
];

/** Origin headers of pages that are not the service's: other sites, sandboxes, files. */
export const FOREIGN_ORIGINS = [
  'https://evil.example',
  'http://localhost.evil.example:8082',
  'http://127.0.0.1.nip.io',
  'null',
  'file://',
];
