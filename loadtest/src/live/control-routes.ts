import { describeIssues, jsonBody, type Logger } from '@cbd/common';
import { CIRCUIT_PATHS, circuitConfigSchema } from '@cbd/gateway-v2/contract';
import type { Express, RequestHandler } from 'express';
import { z } from 'zod';
import { DashboardErrors } from '../errors.js';
import type { Control, Targets } from '../runner/control.js';
import { tryRead } from '../runner/read-json.js';
import {
  BREAKER_PRESETS,
  CONTROL_MODES,
  CONTROL_SETTINGS,
  presetChange,
  type BreakerPreset,
} from './buttons.js';
import type { LiveFeed, TourFeed } from './types.js';

// strictObject: a misspelt field is a 400, not a silently ignored no-op.
const failureBody = z.strictObject({ mode: z.enum(CONTROL_MODES) });
const presetBody = z.strictObject({ preset: z.enum(BREAKER_PRESETS) });
const emptyBody = z.strictObject({});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Only JSON (a page elsewhere would need a CORS preflight, never granted), only addressed to
 * this machine by a loopback name (a rebound DNS name carries its own Host), and, when the
 * browser says where the page came from, only from this dashboard.
 */
const fromThisDashboard: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) return next(DashboardErrors.notJson());
  const host = req.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  const origin = req.headers.origin;
  if (!LOOPBACK.has(hostname) || (origin !== undefined && origin !== `http://${host}`))
    return next(DashboardErrors.foreignRequest());
  next();
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw DashboardErrors.invalidControl(describeIssues(parsed.error));
}

/** Runs a change on a service; a refusal or no answer is a 502 naming the service. */
async function proxied<T>(service: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    throw DashboardErrors.upstream(service, err);
  }
}

export interface ControlRouteDeps {
  targets: Targets;
  control: Control;
  feed: LiveFeed;
  tour: TourFeed | undefined;
  logger: Logger;
}

/**
 * The page's buttons: recommendations' failure mode, gateway-v2's breaker (reset, presets), and
 * the tour's next step. Each is passed on to the service; the page then sees the new state over
 * the event stream, refreshed at once.
 */
export function addControlRoutes(app: Express, deps: ControlRouteDeps): void {
  const { targets, control, feed, tour, logger } = deps;
  const guarded = [fromThisDashboard, jsonBody()];

  app.post('/api/failure-mode', ...guarded, async (req, res) => {
    const { mode } = parse(failureBody, req.body);
    const state = await proxied('recommendations-service', () =>
      control.setFailure({ mode, ...CONTROL_SETTINGS[mode] }),
    );
    logger.info({ mode }, `recommendations-service: ${mode} (from the dashboard)`);
    await feed.refresh();
    res.json(state);
  });

  app.post('/api/circuit/reset', ...guarded, async (req, res) => {
    parse(emptyBody, req.body);
    await proxied('gateway-v2', () => control.resetBreaker());
    logger.info('gateway-v2: breaker reset (from the dashboard)');
    await feed.refresh();
    res.json({ circuit: feed.snapshot().status.circuit });
  });

  app.post('/api/circuit/preset', ...guarded, async (req, res) => {
    const { preset } = parse(presetBody, req.body);
    await proxied('gateway-v2', () => applyPreset(targets, control, preset));
    logger.info({ preset }, `gateway-v2: breaker preset ${preset} (from the dashboard)`);
    await feed.refresh();
    res.json({ preset, breakerConfig: feed.snapshot().status.breakerConfig });
  });

  if (tour)
    app.post('/api/tour/next', ...guarded, async (req, res) => {
      parse(emptyBody, req.body);
      try {
        await tour.next();
      } catch (err) {
        throw DashboardErrors.tourFailed(err);
      }
      res.json({ step: tour.current() });
    });
}

/** A preset is made from the breaker's start-up options, read from gateway-v2 each time. */
async function applyPreset(targets: Targets, control: Control, preset: BreakerPreset) {
  const url = `${targets['gateway-v2']}${CIRCUIT_PATHS.config}`;
  const config = await tryRead(url, circuitConfigSchema);
  if (!config) throw new Error(`GET ${url} gave no configuration`);
  const change = presetChange(preset, config.startup);
  if (change === null) await control.restoreBreaker();
  else await control.configureBreaker(change);
}
