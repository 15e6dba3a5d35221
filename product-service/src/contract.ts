// product-service's settings, for the launchers and the README check.
export { settings } from './config.js';
