// For other packages' tests and tools: build a gateway-v1 in-process.
export { createApp } from './app.js';
export { loadConfig, type GatewayV1Config } from './config.js';
export { createV1Upstreams, type V1Upstreams } from './upstreams.js';
export * from './contract.js';
