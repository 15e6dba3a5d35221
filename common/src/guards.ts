import type { Product, RecommendationsResponse } from './types.js';

// Gateways check what upstreams send before passing it on: a wrong body is an upstream failure.

export function isProduct(value: unknown): value is Product {
  const p = value as Partial<Product> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.id === 'number' &&
    typeof p.name === 'string' &&
    typeof p.price === 'number' &&
    typeof p.description === 'string' &&
    typeof p.category === 'string'
  );
}

/** A recommendations answer listing at most `max` products (a longer list is not walked). */
export function recommendationsGuard(max: number) {
  return (value: unknown): value is RecommendationsResponse => {
    const r = value as Partial<RecommendationsResponse> | null;
    return (
      typeof r === 'object' &&
      r !== null &&
      typeof r.productId === 'number' &&
      Array.isArray(r.recommendations) &&
      r.recommendations.length <= max &&
      r.recommendations.every(isProduct)
    );
  };
}
