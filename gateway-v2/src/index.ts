// For other packages' tests and tools: build a gateway-v2 in-process.
export { createApp } from './app.js';
export { loadConfig, type GatewayV2Config } from './config.js';
export { createV2Upstreams, type V2Upstreams } from './upstreams.js';
export { createBreaker, fireBreaker, type BreakerSettings } from './breaker.js';
export * from './contract.js';
