import { createLogger, createRegistry, runService, serve } from '@cbd/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

runService('recommendations-service', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger('recommendations-service', config.logLevel);
  logger.info({ failure: config.failure }, `failure mode at start: ${config.failure.mode}`);
  const metrics = createRegistry({ service: 'recommendations-service' });
  await serve(createApp(config, { logger, metrics }), {
    name: 'recommendations-service',
    host: config.host,
    port: config.port,
    logger,
    graceMs: config.shutdownGraceMs,
  });
});
