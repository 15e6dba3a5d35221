import { describe, expect, it } from 'vitest';
import { narrative } from '../../src/report/narrative.js';
import { BROKEN_VALUES, loadFixture, plain } from './fixtures.js';
import { idleReport, variant, withoutScenario } from './report-variants.js';

const tell = (report: Parameters<typeof narrative>[0]) => narrative(report).map(plain);

describe('narrative', () => {
  it('when both scenarios ran, then the outage is told with its real numbers', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const text = tell(report).join('\n');

    // Assert
    expect(text).toContain(
      'gateway-v1 answered 1.3 requests per second and every one failed, after about 30 s',
    );
    expect(text).toContain('50 more requests gave up waiting after 35 s');
    expect(text).toContain('gateway-v2 answered 4 591 requests per second');
    expect(text).toContain('That is 3 673× the throughput, with a p99 of 34 ms instead of 30.0 s.');
    expect(text).toContain(
      'breaker opened 2.0 s after its load began, let a trial call through every 10 s (3 trials)',
    );
    expect(text).toContain('80 of 81 probes got no answer');
  });

  it('when both scenarios ran, then the timeline tells when the breaker opened and closed and how long v1 took', () => {
    // Arrange
    const report = loadFixture('report');

    // Act
    const text = tell(report).join('\n');

    // Assert
    expect(text).toContain('gateway-v1 completed no request for 29 s in a row (from 11 s to 40 s)');
    expect(text).toContain(
      'The breaker opened 2.0 s into the hang, let a trial call through every 10 s (2 trials) and closed 4.0 s after the dependency healed',
    );
    expect(text).toContain('gateway-v1 needed 10.0 s after the heal to serve again, 6.0 s longer');
    expect(text).toContain(
      'Both gateways kept the healthy route /products/1 fast: p99 9 ms on gateway-v1, 7 ms on gateway-v2.',
    );
  });

  it('when only the outage ran, then nothing is said about a timeline', () => {
    // Arrange
    const report = loadFixture('report-outage-only');

    // Act
    const lines = tell(report);

    // Assert
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toMatch(/timeline|healed/);
    expect(lines[0]).toContain('gateway-v1 answered 12.5 requests per second');
  });

  it('when only the timeline ran, then its story comes first', () => {
    // Arrange
    const report = withoutScenario('outage');

    // Act
    const lines = tell(report);

    // Assert
    expect(lines[0]).toContain('In the timeline run both gateways started healthy');
  });

  it('when no scenario ran, then one sentence says there is nothing to tell', () => {
    // Arrange
    const report = variant((r) => {
      r.scenarios = {};
      r.config.scenarios = [];
    });

    // Act
    const lines = tell(report);

    // Assert
    expect(lines).toEqual(['No scenario was run, so there is nothing to tell yet.']);
  });

  it('when nothing was answered and no ratio exists, then no sentence shows NaN, Infinity, undefined or null', () => {
    // Arrange
    const report = idleReport();

    // Act
    const lines = tell(report);

    // Assert
    expect(lines.join('\n')).toContain('gateway-v1 completed no request at all');
    for (const line of lines) expect(line).not.toMatch(BROKEN_VALUES);
  });

  it('when every request of a gateway timed out, then that is what is said', () => {
    // Arrange
    const report = variant((r) => {
      const v1 = r.scenarios.outage!.gateways.v1;
      v1.requests = { total: 0, perSecond: 0, usefulPerSecond: 0 };
      v1.outcomes = { full: 0, degraded: 0, failed: 0, timeout: 100 };
      v1.timeouts = 100;
    });

    // Act
    const text = tell(report).join('\n');

    // Assert
    expect(text).toContain('gateway-v1 completed no request: all 100 gave up waiting after 35 s');
  });

  it('when the breaker recorded no transition, then the story says it never opened', () => {
    // Arrange
    const report = variant((r) => {
      r.scenarios.timeline!.gateways.v2.circuit!.transitions = [];
    });

    // Act
    const text = tell(report).join('\n');

    // Assert
    expect(text).toContain('gateway-v2’s breaker never opened.');
  });

  it('when the run ended during the hang, then the story says it never healed', () => {
    // Arrange
    const report = variant((r) => {
      const t = r.scenarios.timeline!;
      t.phases = t.phases.slice(0, 2);
      delete t.comparison.recoveryMs;
    });

    // Act
    const text = tell(report).join('\n');

    // Assert
    expect(text).toContain('and the run ended before the dependency healed');
  });
});
