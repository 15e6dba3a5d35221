// Values that Number() or new URL() would take but a setting must refuse, for each service's
// config tests: a port in hex, octal, binary or exponent notation, a base URL with a query, a
// fragment or credentials (every path joined to it would break, or leak them).

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

export const LENIENT_BASE_URLS = [
  'http://127.0.0.1:8082/?debug=1',
  'http://127.0.0.1:8082?',
  'http://127.0.0.1:8082/#top',
  'http://127.0.0.1:8082#',
  'http://user:secret@127.0.0.1:8082',
];
