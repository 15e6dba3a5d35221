import { describe, expect, it } from 'vitest';
import { AppError, CommonErrors, parseProductId } from '../src/errors.js';

describe('parseProductId', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('when the id is %s, then it parses to %i', (raw, expected) => {
    expect(parseProductId(raw)).toBe(expected);
  });

  it.each(['0', '-1', '01', '1.5', '1e3', '0x10', 'abc', '', ' 1', '2147483648', '99999999999'])(
    'when the id is "%s", then it is a 400 INVALID_PRODUCT_ID',
    (raw) => {
      const attempt = () => parseProductId(raw);

      expect(attempt).toThrow(AppError);
      expect(attempt).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_PRODUCT_ID' }));
    },
  );
});

describe('CommonErrors.routeNotFound', () => {
  it('when the path is long, then the message carries its first 100 characters and an ellipsis', () => {
    const path = `/${'a'.repeat(8192)}`;

    const { message } = CommonErrors.routeNotFound('GET', path);

    expect(message).toBe(`No route for GET ${path.slice(0, 100)}…`);
  });

  it('when the path is short, then it is given whole', () => {
    expect(CommonErrors.routeNotFound('GET', '/x').message).toBe('No route for GET /x');
  });
});
