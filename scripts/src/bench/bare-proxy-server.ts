// `pnpm bench` runs this as a child process: the bare proxy in its own event loop, like the
// gateways it is compared with. Not exported: importing it would start a server.
import {
  createLogger,
  readSettings,
  runService,
  serve,
  serviceSettings,
  upstreamSettings,
} from '@cbd/common';
import { createBareProxy } from './bare-proxy.js';

runService('bare-proxy', async () => {
  const config = readSettings(
    { ...serviceSettings(0), productServiceUrl: upstreamSettings().productServiceUrl },
    process.env,
  );
  const logger = createLogger('bare-proxy', config.logLevel);
  const proxy = createBareProxy(config.productServiceUrl);
  await serve(proxy.app, {
    name: 'bare-proxy',
    host: config.host,
    port: config.port,
    logger,
    graceMs: config.shutdownGraceMs,
    onClose: () => proxy.close(),
  });
});
