import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../src/soak/error-lines.js';

describe('isErrorLine', () => {
  it.each([
    ['{"level":50,"msg":"gateway-v2: fatal error, shutting down"}', true],
    ['{"level":60,"msg":"boom"}', true],
    ['{"level":50,"msg":"request failed","err":{}}', true],
    ['{"level":40,"msg":"circuit recommendations-service: CLOSED -> OPEN"}', false],
    ['{"level":30,"msg":"failure mode: hang"}', false],
    ['Error [ERR_UNHANDLED_REJECTION]: This error originated...', true],
    ['Uncaught TypeError: x is not a function', true],
    ['    at Object.<anonymous> (/work/main/x.ts:1:1)', false],
    ['', false],
  ])('when a service prints %j, then it is an error line: %s', (line, expected) => {
    expect(isErrorLine(line)).toBe(expected);
  });
});
