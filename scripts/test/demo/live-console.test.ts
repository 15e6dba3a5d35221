import { type CircuitStatus } from '@cbd/gateway-v2/contract';
import { type FailureState } from '@cbd/recommendations-service/contract';
import type { LiveStatus } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import { changeLines, liveBanner } from '../../src/demo/live-console.js';

const TARGETS = {
  'gateway-v1': 'http://127.0.0.1:8080',
  'gateway-v2': 'http://127.0.0.1:8090',
  'recommendations-service': 'http://127.0.0.1:8082',
};

function status(
  mode: FailureState['mode'] | null,
  state: CircuitStatus['state'] | null,
): Pick<LiveStatus, 'readAt' | 'failure' | 'circuit'> {
  return {
    readAt: new Date(2026, 2, 12, 9, 5, 7).toISOString(),
    failure: mode ? ({ mode } as FailureState) : null,
    circuit: state ? ({ state } as CircuitStatus) : null,
  };
}

describe('changeLines', () => {
  it('when the mode and the breaker change, then one line each, at local time', () => {
    const lines = changeLines(status('healthy', 'CLOSED'), status('hang', 'OPEN'));

    expect(lines).toEqual([
      '09:05:07  recommendations-service: hang',
      '09:05:07  gateway-v2 breaker: CLOSED -> OPEN',
    ]);
  });

  it('when nothing changed, or a service did not answer, then no line', () => {
    expect(changeLines(status('hang', 'OPEN'), status('hang', 'OPEN'))).toEqual([]);
    expect(changeLines(status('hang', 'OPEN'), status(null, null))).toEqual([]);
  });

  it('when it is the first read, then it says where things start', () => {
    expect(changeLines(undefined, status('healthy', 'CLOSED'))).toEqual([
      '09:05:07  recommendations-service: healthy',
      '09:05:07  gateway-v2 breaker: CLOSED',
    ]);
  });
});

describe('liveBanner', () => {
  it('when the services were started here, then it gives the URL, the logs and says Ctrl-C stops them', () => {
    const text = liveBanner({
      url: 'http://127.0.0.1:8099',
      users: '100 users per second (Poisson arrivals)',
      targets: TARGETS,
      logsDir: '/repo/reports/logs',
    });

    expect(text).toContain('Live classroom view: http://127.0.0.1:8099');
    expect(text).toContain('100 users per second (Poisson arrivals) each');
    expect(text).toContain('(logs: /repo/reports/logs)');
    expect(text).toContain('Ctrl-C stops the load, the page and the services.');
  });

  it('when the services were already running, then it says they keep running', () => {
    const text = liveBanner({
      url: 'http://127.0.0.1:8099',
      users: '3 connections',
      targets: TARGETS,
      logsDir: undefined,
    });

    expect(text).toContain('Services (already running)');
    expect(text).toContain('(the services keep running)');
    expect(text).not.toContain('logs:');
  });
});
