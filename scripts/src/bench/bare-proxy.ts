import axios from 'axios';
import express, { type Express } from 'express';
import { keepAliveAgent, type ErrorBody, type ProductDetails } from '@cbd/common';

export interface BareProxy {
  app: Express;
  /** Releases its keep-alive sockets. */
  close(): void;
}

/**
 * The yardstick `pnpm bench` holds gateway-v2 to: a one-hop express + axios proxy written the
 * way one would write it without a breaker: the gateways' keep-alive agent, one axios instance
 * configured as the gateways' own upstream client is (no proxy, no redirects), no per-request
 * logs. It answers GET /product-details/:id with the body gateway-v2 gives when its circuit is
 * open (the product, `recommendations: []`), so the two serialize the same bytes and only what
 * v2 does besides (breaker, body checks, metrics) tells them apart.
 */
export function createBareProxy(productServiceUrl: string, timeoutMs = 1000): BareProxy {
  const agent = keepAliveAgent();
  const http = axios.create({
    baseURL: productServiceUrl,
    httpAgent: agent,
    proxy: false,
    maxRedirects: 0,
    timeout: timeoutMs,
  });
  const app = express();
  app.disable('x-powered-by');
  // As on the gateways: every body carries a timestamp, so an ETag would only cost a hash.
  app.disable('etag');

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'bare-proxy' });
  });

  app.get('/product-details/:id', async (req, res) => {
    try {
      const { data } = await http.get<ProductDetails['product']>(
        `/products/${encodeURIComponent(req.params.id)}`,
      );
      const body: ProductDetails = {
        product: data,
        recommendations: [],
        degradedMode: true,
        timestamp: new Date().toISOString(),
      };
      res.json(body);
    } catch {
      const body: ErrorBody = {
        error: { code: 'UPSTREAM_ERROR', message: 'product-service did not answer' },
      };
      res.status(502).json(body);
    }
  });

  return { app, close: () => agent.destroy() };
}
