export * from './stub-upstream.js';
export * from './start-app.js';
export * from './spawn-service.js';
