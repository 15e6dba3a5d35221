import { readFileSync } from 'node:fs';
import { benchSchema, type BenchReport } from '../../src/bench/schema.js';
import { soakSchema, type SoakReport } from '../../src/soak/schema.js';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));

/** A real `pnpm bench --quick` report. */
export const loadBench = (): BenchReport => benchSchema.parse(read('bench'));

/** A real `pnpm soak --quick` report. */
export const loadSoak = (): SoakReport => soakSchema.parse(read('soak'));

/** The stack settings a real quick run reported. */
export const fixtureServices = () => loadBench().settings.services;
