import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readStackPorts } from '../../src/settings.js';
import { assertPortsFree, stackPortsWanted } from '../../src/stack/ports.js';

let busy: Server | undefined;
afterEach(() => {
  busy?.close();
  busy = undefined;
});

async function occupyAPort(): Promise<number> {
  busy = createServer();
  await new Promise<void>((resolve) => busy?.listen(0, '127.0.0.1', resolve));
  return (busy.address() as { port: number }).port;
}

describe('assertPortsFree', () => {
  it('when a port is taken, then the error names it, its service and the variable that moves it', async () => {
    const port = await occupyAPort();

    const attempt = assertPortsFree('127.0.0.1', [
      { port, variable: 'GATEWAY_V1_PORT', owner: 'gateway-v1' },
    ]);

    await expect(attempt).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    await expect(attempt).rejects.toThrow(
      `port ${port} (gateway-v1) is already in use; set GATEWAY_V1_PORT to use another port`,
    );
  });

  it('when two services are given the same port, then it says so', async () => {
    const attempt = assertPortsFree('127.0.0.1', [
      { port: 9999, variable: 'PRODUCT_PORT', owner: 'product-service' },
      { port: 9999, variable: 'GATEWAY_V2_PORT', owner: 'gateway-v2' },
    ]);

    await expect(attempt).rejects.toThrow('PRODUCT_PORT and GATEWAY_V2_PORT are both 9999');
  });

  it('when HOST is not an address of this machine, then it says so once, naming HOST', async () => {
    const attempt = assertPortsFree('192.0.2.1', [
      { port: 9001, variable: 'PRODUCT_PORT', owner: 'product-service' },
      { port: 9002, variable: 'GATEWAY_V2_PORT', owner: 'gateway-v2' },
    ]);

    await expect(attempt).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      message:
        'HOST=192.0.2.1 is not an address of this machine (EADDRNOTAVAIL); set HOST to one of its addresses, or 0.0.0.0',
    });
  });

  it('when every port is free, then it resolves', async () => {
    const port = await occupyAPort();
    busy?.close();

    await expect(
      assertPortsFree('127.0.0.1', [{ port, variable: 'X', owner: 'x' }]),
    ).resolves.toBeUndefined();
  });
});

describe('stackPortsWanted', () => {
  it('when given the stack’s ports, then each is named with its service and the variable that moves it', () => {
    expect(stackPortsWanted(readStackPorts({ GATEWAY_V2_PORT: '9090' }))).toEqual([
      { port: 8081, variable: 'PRODUCT_PORT', owner: 'product-service' },
      { port: 8082, variable: 'RECOMMENDATIONS_PORT', owner: 'recommendations-service' },
      { port: 8080, variable: 'GATEWAY_V1_PORT', owner: 'gateway-v1' },
      { port: 9090, variable: 'GATEWAY_V2_PORT', owner: 'gateway-v2' },
    ]);
  });
});
