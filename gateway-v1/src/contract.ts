// What gateway-v1 says about its one shared upstream pool (GET /pool-status), for the tools
// that watch it fill: the load runner, the report and the live page. gateway-v2 serves the same
// when its bulkhead is off, so the schema is common's.
export { POOL_STATUS_PATH, poolStatusSchema, type PoolStatus } from '@cbd/common';

export { settings } from './config.js';
