// For other packages' tests and tools: build a recommendations-service in-process.
export { createApp } from './app.js';
export { loadConfig, type RecommendationsConfig } from './config.js';
export * from './contract.js';
