import { jsonBody, type Logger } from '@cbd/common';
import type { Express, RequestHandler } from 'express';
import type { z } from 'zod';
import { resetBreaker, setFailureMode } from '../runner/control.js';
import type { Targets } from '../scenarios/targets.js';
import { CONTROL_SETTINGS, failureControlBody, resetControlBody } from './controls.js';
import { DashboardErrors } from './errors.js';
import type { LiveFeed } from './types.js';

const requireJson: RequestHandler = (req, _res, next) => {
  next(req.is('application/json') ? undefined : DashboardErrors.notJson());
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw DashboardErrors.invalidControl(
    parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
  );
}

/** Runs a change on a service; a refusal or no answer is a 502 naming the service. */
async function proxied<T>(service: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    throw DashboardErrors.upstream(service, err);
  }
}

/** The page's buttons: switch the recommendations failure mode, reset gateway-v2's breaker. */
export function addControlRoutes(
  app: Express,
  targets: Targets,
  feed: LiveFeed,
  logger: Logger,
): void {
  app.post('/api/failure-mode', requireJson, jsonBody(), async (req, res) => {
    const { mode } = parse(failureControlBody, req.body);
    const state = await proxied('recommendations-service', () =>
      setFailureMode(targets['recommendations-service'], mode, CONTROL_SETTINGS[mode]),
    );
    logger.info({ mode }, `recommendations-service: ${mode} (from the dashboard)`);
    // The page sees the change at once rather than at the next poll.
    await feed.refresh();
    res.json(state);
  });

  app.post('/api/circuit/reset', requireJson, jsonBody(), async (req, res) => {
    parse(resetControlBody, req.body);
    await proxied('gateway-v2', () => resetBreaker(targets['gateway-v2']));
    logger.info('gateway-v2: breaker reset (from the dashboard)');
    await feed.refresh();
    res.json(feed.snapshot().status.circuit);
  });
}
