// What gateway-v1 says about its one shared upstream pool (GET /pool-status), for the tools
// that watch it fill: the load runner, the report and the live page.
import { z } from 'zod';

export { settings } from './config.js';

export const poolStatusSchema = z.strictObject({
  /** Places in the pool (V1_POOL_SIZE). */
  size: z.int().min(1),
  /** Upstream calls holding a place. */
  active: z.int().min(0),
  /** Upstream calls waiting in line for one. */
  waiting: z.int().min(0),
  upstreamTimeoutMs: z.int().min(1),
});
export type PoolStatus = z.infer<typeof poolStatusSchema>;
