import { silentLogger } from '@cbd/common';
import {
  startApp,
  startStubUpstream,
  timedGet,
  type RunningApp,
  type StubUpstream,
  type TimedResponse,
} from '@cbd/common/tools';
import * as recommendations from '@cbd/recommendations-service';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadDashboardAssets, type DashboardAssets } from '../../src/live/assets.js';
import { createDashboardApp } from '../../src/live/dashboard-app.js';
import type { Targets } from '../../src/scenarios/targets.js';
import { circuit, FakeFeed } from './fake-feed.js';

export interface DashboardHarness {
  readonly assets: DashboardAssets;
  readonly feed: FakeFeed;
  readonly closing: AbortController;
  readonly dashboard: RunningApp;
  /** gateway-v2 as a stub that answers /circuit-status and /circuit/reset. */
  readonly v2: StubUpstream;
  /** Starts the dashboard again, with other upstreams. */
  restart(targets: Partial<Targets>): Promise<void>;
  post(path: string, body: string, type?: string): Promise<TimedResponse>;
  /** The real recommendations-service's GET /admin/failure. */
  failureState(): Promise<unknown>;
}

/**
 * A dashboard per test on port 0 with a fresh FakeFeed, in front of a real
 * recommendations-service (healthy, errorRate 0.1 before each test) and a gateway-v2 stub.
 */
export function useDashboard(): DashboardHarness {
  let assets: DashboardAssets;
  let recs: RunningApp;
  let v2: StubUpstream;
  let feed: FakeFeed;
  let closing: AbortController;
  let dashboard: RunningApp;

  const start = async (targets: Partial<Targets>) => {
    const all = {
      'gateway-v1': 'http://127.0.0.1:9',
      'gateway-v2': v2.url,
      'recommendations-service': recs.url,
      ...targets,
    };
    const deps = { logger: silentLogger, feed, assets, closing: closing.signal };
    dashboard = await startApp(createDashboardApp({ targets: all }, deps));
  };
  const postTo = (url: string, body: string, type = 'application/json') =>
    timedGet(url, { method: 'POST', headers: { 'content-type': type }, body });

  beforeAll(async () => {
    assets = await loadDashboardAssets();
    const config = recommendations.loadConfig({ ERROR_RATE: '0.1' });
    recs = await startApp(recommendations.createApp(config, { logger: silentLogger }));
    v2 = await startStubUpstream(() => ({ body: circuit() }));
  });
  afterAll(async () => {
    await Promise.all([recs.close(), v2.close()]);
  });
  beforeEach(async () => {
    feed = new FakeFeed();
    closing = new AbortController();
    await start({});
  });
  afterEach(async () => {
    closing.abort();
    await dashboard.close();
    await postTo(`${recs.url}/admin/failure`, '{"mode":"healthy","errorRate":0.1}');
  });

  return {
    get assets() {
      return assets;
    },
    get feed() {
      return feed;
    },
    get closing() {
      return closing;
    },
    get dashboard() {
      return dashboard;
    },
    get v2() {
      return v2;
    },
    async restart(targets) {
      await dashboard.close();
      await start(targets);
    },
    post: (path, body, type) => postTo(`${dashboard.url}${path}`, body, type),
    failureState: async () => (await timedGet(`${recs.url}/admin/failure`)).body,
  };
}

/** Asks `check` every 20 ms until it is true; fails naming `what` after timeoutMs. */
export async function until(what: string, check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
