import type { Outcome } from '../report/schema.js';

// Bodies are ~600 bytes at thousands per second: a substring test instead of JSON.parse keeps
// the load generator from becoming the bottleneck it is measuring.
const DEGRADED = '"degradedMode":true';
const FULL = '"degradedMode":false';

/** What a response meant to a user: the whole page, the page without recommendations, or nothing. */
export function classify(status: number, body: string): Outcome {
  if (status !== 200) return 'failed';
  if (body.includes(FULL)) return 'full';
  if (body.includes(DEGRADED)) return 'degraded';
  // A 200 without a product-details payload is not something a user could use.
  return 'failed';
}
