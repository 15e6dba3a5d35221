import { CommonErrors, createBaseApp, finishApp, healthHandler, type Logger } from '@cbd/common';
import type { Express } from 'express';
import type { Targets } from '../scenarios/targets.js';
import type { DashboardAssets } from './assets.js';
import { addControlRoutes } from './control-routes.js';
import { renderDashboardPage } from './dashboard-page.js';
import { eventStream, snapshotView } from './event-stream.js';
import type { LiveFeed } from './types.js';

export interface DashboardConfig {
  /** Where the buttons send their changes. */
  targets: Targets;
}

export interface DashboardDeps {
  logger: Logger;
  feed: LiveFeed;
  assets: DashboardAssets;
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

/** The live dashboard: its page, its assets, the event stream and the buttons. No side effects. */
export function createDashboardApp(config: DashboardConfig, deps: DashboardDeps): Express {
  const { logger, feed, assets, closing } = deps;
  const app = createBaseApp(
    {
      host: '127.0.0.1',
      port: 0,
      logLevel: 'info',
      shutdownGraceMs: 1000,
      allowedHosts: [],
      adminToken: '',
    },
    logger,
  );
  const page = renderDashboardPage(feed.snapshot().windowSeconds);

  app.get('/health', healthHandler('live-dashboard'));

  app.get('/', (_req, res) => {
    res
      .set({ 'content-security-policy': CSP, 'cache-control': 'no-store' })
      .type('html')
      .send(page);
  });

  app.get('/assets/:name', (req, res) => {
    const asset = Object.hasOwn(assets, req.params.name) ? assets[req.params.name] : undefined;
    if (!asset) throw CommonErrors.routeNotFound(req.method, req.path);
    res.set({ 'content-type': asset.type, 'cache-control': 'no-cache' }).send(asset.body);
  });

  app.get('/api/snapshot', (_req, res) => {
    res.json(snapshotView(feed));
  });

  app.get('/events', eventStream(feed, closing));

  addControlRoutes(app, config.targets, feed, logger);

  return finishApp(app, logger);
}
