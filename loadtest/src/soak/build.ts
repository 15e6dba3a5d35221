import { checkSoak, type SoakFacts } from './checks.js';
import { SOAK_SCHEMA_VERSION, type SoakReport } from './schema.js';

/** The soak report: what happened, and each invariant checked against it. */
export function buildSoak(quick: boolean, facts: SoakFacts, generatedAt: Date): SoakReport {
  const checks = checkSoak(facts);
  return {
    schemaVersion: SOAK_SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    quick,
    ...facts,
    checks,
    passed: checks.every((c) => c.ok),
  };
}
