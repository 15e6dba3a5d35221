import { describe, expect, it } from 'vitest';
import { CATALOG, findProduct, relatedProducts } from '../src/catalog.js';

describe('catalog', () => {
  it('when listed, then it has at least 20 products with unique ids in several categories', () => {
    const ids = new Set(CATALOG.map((p) => p.id));
    const categories = new Set(CATALOG.map((p) => p.category));

    expect(CATALOG.length).toBeGreaterThanOrEqual(20);
    expect(ids.size).toBe(CATALOG.length);
    expect(categories.size).toBeGreaterThanOrEqual(4);
    expect(Math.min(...ids)).toBe(1);
  });

  it('when a product is looked up, then it is found by id, and unknown ids are not', () => {
    expect(findProduct(1)?.id).toBe(1);
    expect(findProduct(CATALOG.length + 1)).toBeUndefined();
  });

  it('when related products are asked for, then 3 to 5 of the same category come back, never itself', () => {
    for (const product of CATALOG) {
      const related = relatedProducts(product.id);

      expect(related.length).toBeGreaterThanOrEqual(3);
      expect(related.length).toBeLessThanOrEqual(5);
      expect(related.every((r) => r.category === product.category && r.id !== product.id)).toBe(
        true,
      );
    }
  });

  it('when the product is unknown, then nothing is related', () => {
    expect(relatedProducts(9999)).toEqual([]);
  });
});
