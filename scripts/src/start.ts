// `pnpm start`: the four services for manual curl, logs in this terminal, until Ctrl-C.
import { runService } from '@cbd/common';
import closeWithGrace from 'close-with-grace';
import { prettyLogs } from './pretty-logs.js';
import { loadStackPorts } from './stack/services.js';
import { Stack } from './stack/stack.js';

runService('pnpm start', async () => {
  const ports = loadStackPorts(process.env);
  const format = prettyLogs(process.stdout.isTTY);
  const stack = await Stack.start({
    ports,
    host: process.env.HOST?.trim() || '127.0.0.1',
    baseEnv: process.env,
    onLine: (service, line) => console.log(format(service, line)),
  });
  const { urls } = stack;
  console.log(`
Services are up:
  product-service          ${urls['product-service']}
  recommendations-service  ${urls['recommendations-service']}   (failure mode: GET /admin/failure)
  gateway-v1 (unprotected) ${urls['gateway-v1']}
  gateway-v2 (breaker)     ${urls['gateway-v2']}

Try:
  time curl --max-time 35 ${urls['gateway-v1']}/product-details/1
  curl ${urls['gateway-v2']}/product-details/1
  watch -n1 curl -s ${urls['gateway-v2']}/circuit-status
  curl -X POST ${urls['recommendations-service']}/admin/failure -H 'content-type: application/json' -d '{"mode":"hang"}'

Ctrl-C stops everything.
`);

  const { uninstall } = closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) console.error(err);
    console.log(`\n${signal ?? 'stopping'}: stopping the services...`);
    await stack.stop();
    console.log('All services stopped.');
  });
  const died = await stack.died;
  console.error(
    `\n${died.service} exited unexpectedly (${died.exit.signal ?? `code ${died.exit.code}`}); stopping the rest.`,
  );
  await stack.stop();
  uninstall();
  process.exitCode = 1;
});
