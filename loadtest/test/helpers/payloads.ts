import { z } from 'zod';

// The HTTP contract's bodies, as strict schemas: a field too many or missing fails.

export const productSchema = z.strictObject({
  id: z.int().positive(),
  name: z.string().min(1),
  price: z.number().positive(),
  description: z.string(),
  category: z.string().min(1),
});

const DEGRADED_REASONS = ['EOPENBREAKER', 'ETIMEDOUT', 'ESEMLOCKED', 'UPSTREAM_ERROR'] as const;
export type Reason = (typeof DEGRADED_REASONS)[number];

/** The product with live recommendations. */
export const fullDetailsSchema = z.strictObject({
  product: productSchema,
  recommendations: z.array(productSchema).min(1),
  degradedMode: z.literal(false),
  timestamp: z.iso.datetime(),
});

/** The product with the fallback, and why. */
export const degradedDetailsSchema = z.strictObject({
  product: productSchema,
  recommendations: z.array(productSchema).length(0),
  degradedMode: z.literal(true),
  degradedReason: z.enum(DEGRADED_REASONS),
  timestamp: z.iso.datetime(),
});

export const errorBodySchema = z.strictObject({
  error: z.strictObject({ code: z.string().regex(/^[A-Z_]+$/), message: z.string().min(1) }),
});
