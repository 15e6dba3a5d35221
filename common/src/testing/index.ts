export * from './stub-upstream.js';
export * from './start-app.js';
export * from './spawn-service.js';
export * from './catalog-replies.js';
export * from './gateway-harness.js';
export * from './timed-get.js';
export * from './prometheus-text.js';
export * from './scrape-metrics.js';
