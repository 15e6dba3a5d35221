// For other packages' tests and tools: build a product-service in-process.
export { createApp } from './app.js';
export { loadConfig, type ProductServiceConfig } from './config.js';
export * from './contract.js';
