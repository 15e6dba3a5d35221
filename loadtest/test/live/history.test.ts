import { describe, expect, it } from 'vitest';
import { LiveHistory } from '../../src/live/history.js';
import { liveSample } from './fake-feed.js';

describe('LiveHistory', () => {
  it('when more seconds arrive than it holds, then it keeps the newest, oldest first', () => {
    // Arrange
    const history = new LiveHistory(3);

    // Act
    for (let t = 0; t < 5; t += 1) history.push(liveSample(t));

    // Assert
    expect(history.list().map((s) => s.t)).toEqual([2, 3, 4]);
  });

  it('when a list was taken, then later seconds do not change it', () => {
    // Arrange
    const history = new LiveHistory(2);
    history.push(liveSample(0));
    const before = history.list();

    // Act
    history.push(liveSample(1));
    history.push(liveSample(2));

    // Assert
    expect(before.map((s) => s.t)).toEqual([0]);
  });

  it('when a second arrives out of order, then it is refused', () => {
    // Arrange
    const history = new LiveHistory(5);
    history.push(liveSample(4));

    // Act / Assert
    expect(() => history.push(liveSample(4))).toThrow(RangeError);
    expect(() => history.push(liveSample(2))).toThrow('second 2 arrived after second 4');
  });

  it('when the capacity is not a whole number of seconds, then it cannot be made', () => {
    expect(() => new LiveHistory(0)).toThrow(RangeError);
    expect(() => new LiveHistory(1.5)).toThrow(RangeError);
  });
});
