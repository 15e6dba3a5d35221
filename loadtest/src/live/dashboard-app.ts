import { CommonErrors, createBaseApp, finishApp, healthHandler, type Logger } from '@cbd/common';
import type { Express } from 'express';
import type { PageAssets } from '../report/html-page.js';
import { controlOf, type Control, type Targets } from '../runner/control.js';
import { addControlRoutes } from './control-routes.js';
import { renderDashboardPage } from './dashboard-page.js';
import { eventStream, pageSnapshot } from './event-stream.js';
import type { LiveFeed, TourFeed } from './types.js';

export interface DashboardConfig {
  /** Where the buttons send their changes. */
  targets: Targets;
  /** Sent with every change when the services guard their admin routes with a token. */
  adminToken?: string;
}

export interface DashboardDeps {
  logger: Logger;
  feed: LiveFeed;
  /** The live page's script and style (loadBrowserAssets().live). */
  assets: PageAssets;
  /** A guided tour: the page then shows its panel, with a button to move on. */
  tour?: TourFeed;
  /** The switches; by default controlOf(targets, adminToken). */
  control?: Control;
  /** Aborting ends every open event stream, so the server can close at once. */
  closing?: AbortSignal;
}

// The page may load only this server's files and talk only to it: nothing it does can leave
// 127.0.0.1, even if a string from a service slipped past textContent.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The live dashboard: its page, its two assets, the event stream and the buttons. No side effects. */
export function createDashboardApp(config: DashboardConfig, deps: DashboardDeps): Express {
  const { logger, feed, assets, tour, closing } = deps;
  const control = deps.control ?? controlOf(config.targets, config.adminToken);
  const app = createBaseApp(logger);
  const page = renderDashboardPage({ tour: tour !== undefined });
  const files: Record<string, { type: string; body: string }> = {
    'live.js': { type: 'text/javascript; charset=utf-8', body: assets.script },
    'live.css': { type: 'text/css; charset=utf-8', body: assets.style },
  };

  app.get('/health', healthHandler('live-dashboard'));

  app.get('/', (_req, res) => {
    res
      .set({ 'content-security-policy': CSP, 'cache-control': 'no-store' })
      .type('html')
      .send(page);
  });

  app.get('/assets/:name', (req, res) => {
    const file = Object.hasOwn(files, req.params.name) ? files[req.params.name] : undefined;
    if (!file) throw CommonErrors.routeNotFound(req.method, req.path);
    res.set({ 'content-type': file.type, 'cache-control': 'no-cache' }).send(file.body);
  });

  app.get('/api/snapshot', (_req, res) => {
    res.json(pageSnapshot(feed, tour));
  });

  app.get('/events', eventStream(feed, tour, closing));

  addControlRoutes(app, { targets: config.targets, control, feed, tour, logger });

  return finishApp(app, logger);
}
