// The HTTP payloads more than one package exchanges. What a single service alone serves about
// itself (its failure mode, its pool, its breaker) is in that service's contract.ts.

export interface Product {
  id: number;
  name: string;
  price: number;
  description: string;
  category: string;
}

export interface RecommendationsResponse {
  productId: number;
  recommendations: Product[];
}

/** Why a v2 answer carries the fallback instead of live recommendations. */
export type DegradedReason = 'EOPENBREAKER' | 'ETIMEDOUT' | 'ESEMLOCKED' | 'UPSTREAM_ERROR';

export interface ProductDetails {
  product: Product;
  recommendations: Product[];
  degradedMode: boolean;
  degradedReason?: DegradedReason;
  timestamp: string;
}

/**
 * What a product-details answer gave the user, read from its status and body: the whole page,
 * the page without recommendations (the fallback), or no product at all. The gateways count
 * their answers this way in /metrics, and the load runner classifies what it receives the same.
 */
export type AnswerKind = 'full' | 'degraded' | 'failed';

export interface ErrorBody {
  error: { code: string; message: string };
}

export interface HealthBody {
  status: 'ok';
  service: string;
}
