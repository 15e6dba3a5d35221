import { createLogger, createMetricsRegistry, runService, serve } from '@cbd/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createV2Upstreams } from './upstreams.js';

runService('gateway-v2', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger('gateway-v2', config.logLevel);
  const metrics = createMetricsRegistry('v2');
  const upstreams = createV2Upstreams(config, logger, metrics);
  await serve(createApp(config, { logger, upstreams, metrics }), {
    name: 'gateway-v2',
    host: config.host,
    port: config.port,
    logger,
    graceMs: config.shutdownGraceMs,
    onClose: () => upstreams.close(),
  });
});
