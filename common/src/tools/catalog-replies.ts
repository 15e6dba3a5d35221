import type { IncomingMessage } from 'node:http';
import { findProduct, relatedProducts } from '../catalog.js';
import type { StubReply } from './stub-upstream.js';

function idFrom(req: IncomingMessage): number {
  return Number((req.url ?? '').split('/').pop());
}

const notFound: StubReply = {
  status: 404,
  body: { error: { code: 'PRODUCT_NOT_FOUND', message: 'no' } },
};

/** Answers /products/:id as product-service does. */
export function productReply(req: IncomingMessage): StubReply {
  const product = findProduct(idFrom(req));
  return product ? { body: product } : notFound;
}

/** Answers /recommendations/:id as a healthy recommendations-service does. */
export function recommendationsReply(req: IncomingMessage): StubReply {
  const id = idFrom(req);
  return findProduct(id)
    ? { body: { productId: id, recommendations: relatedProducts(id) } }
    : notFound;
}
