import { createLogger, createMetricsRegistry, runService, serve } from '@cbd/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createV1Upstreams } from './upstreams.js';

runService('gateway-v1', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger('gateway-v1', config.logLevel);
  const metrics = createMetricsRegistry('v1');
  const upstreams = createV1Upstreams(config, metrics);
  await serve(createApp(config, { logger, upstreams, metrics }), {
    name: 'gateway-v1',
    host: config.host,
    port: config.port,
    logger,
    graceMs: config.shutdownGraceMs,
    onClose: () => upstreams.close(),
  });
});
