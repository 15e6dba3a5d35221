import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog.js';
import { isProduct, recommendationsGuard } from '../src/guards.js';

const answer = (count: number) => ({ productId: 1, recommendations: CATALOG.slice(0, count) });

describe('recommendationsGuard', () => {
  it('when the list is within the cap, then the answer passes', () => {
    expect(recommendationsGuard(5)(answer(5))).toBe(true);
    expect(recommendationsGuard(5)(answer(0))).toBe(true);
  });

  it('when the list is longer than the cap, then the answer is refused', () => {
    expect(recommendationsGuard(5)(answer(6))).toBe(false);
  });

  it('when an item is not a product, then the answer is refused', () => {
    const body = { productId: 1, recommendations: [CATALOG[0], { id: 'x' }] };

    expect(recommendationsGuard(5)(body)).toBe(false);
  });

  it.each([[null], [[]], ['x'], [{ productId: '1', recommendations: [] }], [{ productId: 1 }]])(
    'when the body is %j, then it is refused',
    (body) => {
      expect(recommendationsGuard(5)(body)).toBe(false);
    },
  );
});

describe('isProduct', () => {
  it('when a catalog product is checked, then it passes; one without a price or a description does not', () => {
    expect(isProduct(CATALOG[0])).toBe(true);
    expect(isProduct({ ...CATALOG[0], price: undefined })).toBe(false);
    expect(isProduct({ ...CATALOG[0], description: undefined })).toBe(false);
  });
});
