import type { Report } from '../report/schema.js';
import { evaluateGoals } from './goals.js';
import {
  BENCH_SCHEMA_VERSION,
  type BenchMeasurements,
  type BenchReport,
  type BenchSettings,
} from './schema.js';

export interface BenchInput {
  quick: boolean;
  settings: BenchSettings;
  environment: Report['environment'];
  loadAverage: { start: number[]; end: number[] };
  measurements: BenchMeasurements;
  startedAt: Date;
  finishedAt: Date;
}

/** The bench report: what was run, where, what was measured, and each figure judged. */
export function buildBench(input: BenchInput): BenchReport {
  const { quick, settings, environment, loadAverage, measurements, startedAt, finishedAt } = input;
  return {
    schemaVersion: BENCH_SCHEMA_VERSION,
    generatedAt: finishedAt.toISOString(),
    quick,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    settings,
    environment: { ...environment, loadAverage },
    measurements,
    goals: evaluateGoals(measurements, settings),
  };
}
