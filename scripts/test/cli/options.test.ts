import { describe, expect, it } from 'vitest';
import { runningTargets } from '../../src/cli/options.js';

describe('runningTargets', () => {
  it('when no URL is given, then each service is on 127.0.0.1 at its port, its *_PORT variable included', () => {
    expect(runningTargets({}, { GATEWAY_V1_PORT: '9080' })).toEqual({
      'gateway-v1': 'http://127.0.0.1:9080',
      'gateway-v2': 'http://127.0.0.1:8090',
      'recommendations-service': 'http://127.0.0.1:8082',
    });
  });

  it('when a URL is given, then it is used and its port variable is not', () => {
    const targets = runningTargets(
      { 'gateway-v2': 'http://10.0.0.5:9090' },
      { GATEWAY_V2_PORT: '9999' },
    );

    expect(targets['gateway-v2']).toBe('http://10.0.0.5:9090');
  });

  it('when a port variable is not a port, then the error names it', () => {
    expect(() => runningTargets({}, { RECOMMENDATIONS_PORT: 'eighty' })).toThrow(
      'RECOMMENDATIONS_PORT',
    );
  });
});
