export * from './registry.js';
export * from './request-metrics.js';
export * from './upstream-metrics.js';
export * from './metrics-route.js';
export * from './pool-metrics.js';
