import { startStubUpstream } from '@cbd/common/tools';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './dashboard-harness.js';

const h = useDashboard();

describe('the controls', () => {
  it('when partial is pressed, then recommendations fail 50 % and the page is refreshed at once', async () => {
    // Act
    const { status, body } = await h.post('/api/failure-mode', '{"mode":"partial"}');

    // Assert
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: 'partial', errorRate: 0.5 });
    expect(await h.failureState()).toMatchObject({ mode: 'partial', errorRate: 0.5 });
    expect(h.feed.refreshes).toBe(1);
  });

  it.each([
    ['{"mode":"chaos"}', 'application/json', 400, 'INVALID_CONTROL'],
    ['{"mode":"hang","hangMs":5}', 'application/json', 400, 'INVALID_CONTROL'],
    ['["hang"]', 'application/json', 400, 'INVALID_CONTROL'],
    ['{"mode":', 'application/json', 400, 'INVALID_JSON'],
    ['mode=hang', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [`{"mode":"hang","x":"${'x'.repeat(2000)}"}`, 'application/json', 413, 'PAYLOAD_TOO_LARGE'],
  ])(
    'when the body is %j (%s), then %i %s and nothing changes',
    async (body, type, status, code) => {
      // Act
      const res = await h.post('/api/failure-mode', body, type);

      // Assert
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await h.failureState()).toMatchObject({ mode: 'healthy', errorRate: 0.1 });
      expect(h.feed.refreshes).toBe(0);
    },
  );

  it('when recommendations-service does not answer, then 502 names it', async () => {
    // Arrange
    const gone = await startStubUpstream(() => ({}));
    await gone.close();
    await h.restart({ 'recommendations-service': gone.url });

    // Act
    const { status, body } = await h.post('/api/failure-mode', '{"mode":"hang"}');

    // Assert
    expect(status).toBe(502);
    expect(body.error.code).toBe('UPSTREAM_ERROR');
    expect(body.error.message).toContain('recommendations-service');
  });

  it('when reset is pressed, then gateway-v2 is asked to close its breaker', async () => {
    // Arrange
    const before = h.v2.hits('/circuit/reset');

    // Act
    const { status, body } = await h.post('/api/circuit/reset', '{}');

    // Assert
    expect(status).toBe(200);
    expect(h.v2.hits('/circuit/reset')).toBe(before + 1);
    expect(body.state).toBe('CLOSED');
    expect(h.feed.refreshes).toBe(1);
  });

  it('when reset comes with fields or without JSON, then it is refused and gateway-v2 is not called', async () => {
    // Arrange
    const before = h.v2.hits('/circuit/reset');

    // Act
    const withField = await h.post('/api/circuit/reset', '{"force":true}');
    const noJson = await h.post('/api/circuit/reset', '', 'text/plain');

    // Assert
    expect(withField.status).toBe(400);
    expect(noJson.status).toBe(415);
    expect(h.v2.hits('/circuit/reset')).toBe(before);
  });
});
