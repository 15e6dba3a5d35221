import { describe, expect, it } from 'vitest';
import {
  hangWindow,
  longestSilence,
  probeFacts,
  usefulRateBetween,
} from '../../src/report/scenario-facts.js';
import type { SecondSample } from '../../src/report/schema.js';
import { loadFixture } from './fixtures.js';

const second = (t: number, requests: number): SecondSample => ({
  t,
  requests,
  outcomes: { full: requests, degraded: 0, failed: 0, timeout: 0 },
  p50: requests ? 10 : null,
  p99: requests ? 20 : null,
});

describe('scenario facts', () => {
  it('when the timeline has healthy, hang, healthy, then the hang window ends at the heal', () => {
    // Arrange
    const timeline = loadFixture('report').scenarios.timeline!;

    // Act
    const w = hangWindow(timeline);

    // Assert
    expect(w).toEqual({ mode: 'hang', startMs: 10_004, endMs: 30_011, healedAtMs: 30_011 });
  });

  it('when the outage hangs to the end, then the hang window never heals', () => {
    // Arrange
    const outage = loadFixture('report').scenarios.outage!;

    // Act
    const w = hangWindow(outage);

    // Assert
    expect(w?.healedAtMs).toBeNull();
  });

  it('when a gateway went silent twice, then the longest silence is found, counted inclusively', () => {
    // Arrange
    const samples = [
      second(0, 5),
      second(1, 0),
      second(2, 5),
      second(3, 0),
      second(4, 0),
      second(5, 0),
      second(6, 5),
    ];

    // Act
    const silence = longestSilence(samples, 0);

    // Assert
    expect(silence).toEqual({ fromS: 3, toS: 5, seconds: 3 });
  });

  it('when the run ends silent, then the silence runs to the last second', () => {
    // Arrange
    const samples = [second(0, 5), second(1, 0), second(2, 0)];

    // Act
    const silence = longestSilence(samples, 0);

    // Assert
    expect(silence).toEqual({ fromS: 1, toS: 2, seconds: 2 });
  });

  it('when asked for a rate over full seconds, then partial seconds are left out', () => {
    // Arrange
    const v2 = loadFixture('report').scenarios.timeline!.gateways.v2;

    // Act
    const rate = usefulRateBetween(v2, 13_000, 21_000);
    const none = usefulRateBetween(v2, 500_000, 600_000);

    // Assert
    expect(rate).toBeGreaterThan(2500);
    expect(rate).toBeLessThan(3200);
    expect(none).toBeNull();
  });

  it('when probes went unanswered, then they are counted apart from the answered ones', () => {
    // Arrange
    const v1 = loadFixture('report').scenarios.outage!.gateways.v1;

    // Act
    const facts = probeFacts(v1);

    // Assert
    expect(facts).toEqual({ probes: 81, answered: 1, unanswered: 80, p99: 35_000 });
  });
});
