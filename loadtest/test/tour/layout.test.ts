import { describe, expect, it } from 'vitest';
import { header, wrap } from '../../src/tour/layout.js';

describe('wrap', () => {
  it('when a labelled paragraph is long, then its later lines go on under the text after the label', () => {
    expect(wrap('Answer: one two three four', 18)).toBe('Answer: one two\n        three four');
  });

  it('when an indented line is long, then its later lines keep the indentation', () => {
    expect(wrap('    alpha beta gamma', 15)).toBe('    alpha beta\n    gamma');
  });
});

describe('header', () => {
  it('when a title is short, then the rule fills the line to the width', () => {
    expect(header('Step 1', 20)).toBe(`━━ Step 1 ${'━'.repeat(10)}`);
  });
});
