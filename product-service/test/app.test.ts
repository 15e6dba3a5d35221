import { CATALOG, silentLogger } from '@cbd/common';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

const app = createApp(loadConfig({}), { logger: silentLogger });

describe('product-service', () => {
  it('when a known product is asked for, then it is returned with every field', async () => {
    const res = await request(app).get('/products/7');

    expect(res.status).toBe(200);
    expect(res.body).toEqual(CATALOG.find((p) => p.id === 7));
    expect(Object.keys(res.body).sort()).toEqual([
      'category',
      'description',
      'id',
      'name',
      'price',
    ]);
  });

  it('when the product does not exist, then 404 PRODUCT_NOT_FOUND', async () => {
    const res = await request(app).get('/products/9999');

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'PRODUCT_NOT_FOUND', message: 'Product 9999 does not exist' },
    });
  });

  it.each(['abc', '0', '-3', '1.5', '1e2'])(
    'when the id is "%s", then 400 INVALID_PRODUCT_ID',
    async (id) => {
      const res = await request(app).get(`/products/${id}`);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_PRODUCT_ID');
    },
  );

  it('when the list is asked for, then the whole catalog comes back', async () => {
    const res = await request(app).get('/products');

    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(CATALOG.length);
  });

  it('when health is checked, then it is ok', async () => {
    const res = await request(app).get('/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'product-service' });
  });

  it('when the route is unknown, then 404 in the error shape without X-Powered-By', async () => {
    const res = await request(app).get('/product/1');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
