import type { IncomingMessage } from 'node:http';
import { CATALOG, findProduct, relatedProducts } from '../catalog.js';
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

/** A recommendations answer for product `id` listing `count` products (the catalog, over and over). */
export function longRecommendations(id: number, count: number): StubReply {
  const recommendations = Array.from({ length: count }, (_, i) => CATALOG[i % CATALOG.length]);
  return { body: { productId: id, recommendations } };
}

/**
 * A valid recommendations answer for product `id` of at least `bytes` bytes, streamed in 64 KiB
 * pieces: what a dependency gone wrong might send, made as it is read, never held whole.
 */
export function bulkyRecommendations(id: number, bytes: number): StubReply {
  const item = JSON.stringify(relatedProducts(id)[0] ?? CATALOG[0]);
  const piece = `,${item}`.repeat(Math.ceil((64 * 1024) / (item.length + 1)));
  function* body() {
    yield `{"productId":${id},"recommendations":[${item}`;
    for (let sent = 0; sent < bytes; sent += piece.length) yield piece;
    yield ']}';
  }
  return { stream: body };
}
