import { createLogger, runService, serve } from '@cbd/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

runService('product-service', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger('product-service', config.logLevel);
  await serve(createApp(config, { logger }), {
    name: 'product-service',
    host: config.host,
    port: config.port,
    logger,
    graceMs: config.shutdownGraceMs,
  });
});
