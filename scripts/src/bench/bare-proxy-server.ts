// `pnpm bench` runs this as a child process: the bare proxy in its own event loop, like the
// gateways it is compared with. Not exported: importing it would start a server.
import { env, parseEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { runService, serve } from '../serve.js';
import { serviceEnv, toServiceConfig } from '../service-config.js';
import { createBareProxy } from './bare-proxy.js';

runService('bare-proxy', async () => {
  const e = parseEnv(
    { ...serviceEnv(0), PRODUCT_SERVICE_URL: env.httpUrl('http://127.0.0.1:8081') },
    process.env,
  );
  const config = toServiceConfig(e);
  const logger = createLogger('bare-proxy', config.logLevel);
  const proxy = createBareProxy(e.PRODUCT_SERVICE_URL);
  await serve(proxy.app, {
    name: 'bare-proxy',
    host: config.host,
    port: config.port,
    logger,
    graceMs: config.shutdownGraceMs,
    onClose: () => proxy.close(),
  });
});
