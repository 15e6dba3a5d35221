import { once } from 'node:events';
import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isProduct, recommendationsGuard } from '../src/guards.js';
import { findProduct } from '../src/catalog.js';
import {
  CALLER_HEADER,
  createUpstreamClient,
  isClientError,
  keepAliveAgent,
  UpstreamError,
} from '../src/upstream.js';
import {
  bulkyRecommendations,
  startStubUpstream,
  type StubReply,
  type StubUpstream,
} from '../src/tools/index.js';

const product = findProduct(1);
let stub: StubUpstream | undefined;
const agent = new Agent({ keepAlive: true });

afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const MAX_BODY_BYTES = 64 * 1024;

async function clientFor(reply: StubReply, timeoutMs = 200) {
  stub = await startStubUpstream(() => reply);
  return createUpstreamClient({
    name: 'product-service',
    baseUrl: stub.url,
    agent,
    timeoutMs,
    maxBodyBytes: MAX_BODY_BYTES,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof UpstreamError))
    throw new Error(`expected an UpstreamError, got ${String(err)}`);
  return err;
}

describe('upstream client', () => {
  it('when the upstream answers a valid body, then it is returned', async () => {
    const client = await clientFor({ body: product });

    await expect(client.getJson('/products/1', isProduct)).resolves.toEqual(product);
  });

  it('when the upstream hangs, then the call times out and its connection is closed', async () => {
    const client = await clientFor({ hang: true }, 50);

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err.failure).toBe('timeout');
    expect(err.message).toBe('product-service did not answer within 50 ms');
    await vi.waitFor(() => expect(stub?.abandoned).toBe(1));
  });

  it('when the upstream answers 503, then the failure is a status with the code', async () => {
    const client = await clientFor({ status: 503, body: { error: { code: 'X', message: 'x' } } });

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err).toMatchObject({ failure: 'status', status: 503, upstream: 'product-service' });
  });

  it('when the upstream resets the connection, then it is unavailable', async () => {
    const client = await clientFor({ reset: true });

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err.failure).toBe('unavailable');
  });

  it('when nothing listens, then it is unavailable (ECONNREFUSED)', async () => {
    const client = await clientFor({});
    await stub?.close();

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err).toMatchObject({
      failure: 'unavailable',
      message: 'product-service is unreachable (ECONNREFUSED)',
    });
  });

  it('when the body has the wrong shape, then the failure is the body', async () => {
    const client = await clientFor({ body: { id: 'one' } });

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err.failure).toBe('body');
  });

  it('when the answer is larger than the cap, then the failure is the body and the upstream is cut off before it is done', async () => {
    const client = await clientFor(bulkyRecommendations(1, 50 * 1024 * 1024), 5000);

    const err = await failureOf(client.getJson('/recommendations/1', recommendationsGuard(1e9)));

    expect(err).toMatchObject({
      failure: 'body',
      message: `product-service sent more than ${MAX_BODY_BYTES} bytes`,
    });
    await vi.waitFor(() => expect(stub?.abandoned).toBe(1));
  });

  it('when the answer is just within the cap, then it is read whole', async () => {
    const body = { ...product, description: '' };
    const room = MAX_BODY_BYTES - JSON.stringify(body).length;
    const client = await clientFor({ body: { ...body, description: 'd'.repeat(room) } });

    const answer = await client.getJson('/products/1', isProduct);

    expect(JSON.stringify(answer)).toHaveLength(MAX_BODY_BYTES);
  });

  it('when the answer is not JSON at all, then the failure is the body', async () => {
    const client = await clientFor({ contentType: 'text/html', text: '<h1>502 Bad Gateway</h1>' });

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err.failure).toBe('body');
  });

  it('when the connection breaks off in the middle of a 200 answer, then it is unavailable, not a status', async () => {
    const client = await clientFor({
      stream: function* () {
        yield '{"id":1,'.padEnd(10_000, ' ');
        throw new Error('connection lost');
      },
    });

    const err = await failureOf(client.getJson('/products/1', isProduct));

    expect(err).toMatchObject({
      failure: 'unavailable',
      message: 'product-service closed the connection mid-answer',
      status: undefined,
    });
  });

  it('when a caller is named, then every call carries it in the caller header', async () => {
    const seen: (string | string[] | undefined)[] = [];
    stub = await startStubUpstream((req) => {
      seen.push(req.headers[CALLER_HEADER]);
      return { body: product };
    });
    const client = createUpstreamClient({
      name: 'product-service',
      baseUrl: stub.url,
      agent,
      timeoutMs: 200,
      maxBodyBytes: MAX_BODY_BYTES,
      caller: 'gateway-v1',
    });

    await client.getJson('/products/1', isProduct);
    await client.getJson('/products/1', isProduct);

    expect(seen).toEqual(['gateway-v1', 'gateway-v1']);
  });

  it('when no caller is named, then no caller header is sent', async () => {
    const seen: (string | string[] | undefined)[] = [];
    stub = await startStubUpstream((req) => {
      seen.push(req.headers[CALLER_HEADER]);
      return { body: product };
    });
    const client = createUpstreamClient({
      name: 'p',
      baseUrl: stub.url,
      agent,
      timeoutMs: 200,
      maxBodyBytes: MAX_BODY_BYTES,
    });

    await client.getJson('/products/1', isProduct);

    expect(seen).toEqual([undefined]);
  });
});

describe('keepAliveAgent', () => {
  it('when a socket is reused call after call, then its keep-alive setting is never changed again', async () => {
    stub = await startStubUpstream(() => ({ body: product }));
    const pooled = keepAliveAgent();
    const client = createUpstreamClient({
      name: 'product-service',
      baseUrl: stub.url,
      agent: pooled,
      timeoutMs: 1000,
      maxBodyBytes: MAX_BODY_BYTES,
    });
    const call = async () => {
      const freed = once(pooled, 'free') as Promise<[Socket]>;
      await client.getJson('/products/1', isProduct);
      return (await freed)[0];
    };
    try {
      const socket = await call();
      const handle = (
        socket as unknown as { _handle: { setKeepAlive(...args: unknown[]): number } }
      )._handle;
      const setKeepAlive = vi.spyOn(handle, 'setKeepAlive');
      expect(await call()).toBe(socket);
      expect(await call()).toBe(socket);
      expect(setKeepAlive).not.toHaveBeenCalled();
    } finally {
      pooled.destroy();
    }
  });
});

describe('isClientError', () => {
  const failed = (status?: number) =>
    new UpstreamError('recommendations-service', status ? 'status' : 'timeout', 'x', status);

  it.each([400, 404, 409, 499])('when the upstream answered %i, then it is a client error', (s) => {
    expect(isClientError(failed(s))).toBe(true);
  });

  it.each([408, 429, 500, 503])(
    'when the upstream answered %i, then it is a failure of the upstream',
    (s) => {
      expect(isClientError(failed(s))).toBe(false);
    },
  );

  it('when the call timed out or the error is not an upstream one, then it is not a client error', () => {
    expect(isClientError(failed())).toBe(false);
    expect(isClientError(new Error('404'))).toBe(false);
  });
});
