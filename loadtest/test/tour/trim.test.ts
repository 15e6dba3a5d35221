import { describe, expect, it } from 'vitest';
import { compactJson, lastItems } from '../../src/tour/trim.js';

describe('compactJson', () => {
  it('when a list is long, then its first items show and how many more there were', () => {
    expect(compactJson({ recs: ['a', 'b', 'c', 'd', 'e'] })).toBe('{"recs":["a","b","c",…+2]}');
  });

  it('when a view keeps the last items, then the line says how many came before', () => {
    expect(compactJson({ t: lastItems([1, 2, 3, 4], 2) })).toBe('{"t":[…2 before,3,4]}');
    expect(compactJson({ t: lastItems([1], 2) })).toBe('{"t":[1]}');
  });

  it('when a string is long or an object nested deep, then they are cut and marked', () => {
    expect(compactJson({ m: 'x'.repeat(80) }, { maxChars: 10 })).toBe(`{"m":"${'x'.repeat(9)}…"}`);
    expect(compactJson({ a: { b: { c: { d: 1 } } } })).toBe('{"a":{"b":{"c":{…}}}}');
  });

  it('when fields are undefined, then they are left out as JSON would', () => {
    expect(compactJson({ a: 1, b: undefined, c: null })).toBe('{"a":1,"c":null}');
  });
});
