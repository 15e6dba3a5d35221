import { readFileSync } from 'node:fs';
import { benchSchema, type BenchReport } from '../../src/bench/schema.js';
import { soakSchema, type SoakReport } from '../../src/soak/schema.js';
import { withBreakerDefaults } from '../helpers/breaker.js';

/** A recorded report; both kinds hold the stack's settings in `settings.services`. */
function read(name: 'bench' | 'soak'): unknown {
  const text = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
  const recorded = JSON.parse(text) as { settings: { services: { v2: object } } };
  withBreakerDefaults(recorded.settings.services);
  return recorded;
}

/** A real `pnpm bench --quick` report. */
export const loadBench = (): BenchReport => benchSchema.parse(read('bench'));

/** A real `pnpm soak --quick` report. */
export const loadSoak = (): SoakReport => soakSchema.parse(read('soak'));

/** The stack settings a real quick run reported. */
export const fixtureServices = () => loadBench().settings.services;
