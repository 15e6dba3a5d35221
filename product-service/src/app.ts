import {
  CATALOG,
  CommonErrors,
  createBaseApp,
  finishApp,
  healthHandler,
  findProduct,
  parseProductId,
  type Logger,
} from '@cbd/common';
import type { Express } from 'express';
import type { ProductServiceConfig } from './config.js';

export interface ProductServiceDeps {
  logger: Logger;
}

export function createApp(config: ProductServiceConfig, { logger }: ProductServiceDeps): Express {
  const app = createBaseApp(logger);

  app.get('/health', healthHandler('product-service'));

  app.get('/products', (_req, res) => {
    res.json(CATALOG);
  });

  app.get('/products/:id', (req, res) => {
    const id = parseProductId(req.params.id);
    const product = findProduct(id);
    if (!product) throw CommonErrors.productNotFound(id);
    res.json(product);
  });

  return finishApp(app, logger);
}
