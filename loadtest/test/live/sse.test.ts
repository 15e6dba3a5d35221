import { describe, expect, it } from 'vitest';
import { sseFrame } from '../../src/live/sse.js';

describe('sseFrame', () => {
  it('when data is framed, then it is one event line, one data line and a blank line', () => {
    expect(sseFrame('sample', { t: 1 })).toBe('event: sample\ndata: {"t":1}\n\n');
  });

  it('when a string holds newlines, then they stay inside the one data line', () => {
    // Arrange
    const hostile = 'a\n\nevent: status\ndata: forged';

    // Act
    const frame = sseFrame('status', { note: hostile });

    // Assert
    expect(frame.split('\n\n')).toHaveLength(2);
    expect(frame.match(/^data: /gm)).toHaveLength(1);
    expect(JSON.parse(frame.split('\n')[1]!.slice('data: '.length))).toEqual({ note: hostile });
  });

  it('when the event name could break the frame, then it is refused', () => {
    expect(() => sseFrame('sample\ndata: x', {})).toThrow(RangeError);
  });
});
