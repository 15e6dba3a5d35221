import { z } from 'zod';
import { circuitRecordSchema } from '../model/circuit.js';
import { outcomeCountsSchema } from '../model/outcome.js';
import { stackSettingsSchema } from '../runner/control.js';
import { writeJsonFile } from '../report/write.js';

// reports/soak.json, written by `pnpm soak`. Documented in loadtest/README.md ("pnpm soak").
export const SOAK_SCHEMA_VERSION = 2;

const count = z.int().min(0);
const ms = z.number().min(0);

export const FLAP_MODES = ['healthy', 'hang', 'error', 'partial'] as const;

export const stretchSchema = z.strictObject({
  mode: z.enum(FLAP_MODES),
  /** Offsets from the start of the soak load. */
  startMs: ms,
  endMs: ms,
});
export type Stretch = z.infer<typeof stretchSchema>;

const processSchema = z.strictObject({
  /** Open file descriptors (sockets included) and RSS, idle after the warm-up and after the soak. */
  fds: z.strictObject({ start: count, end: count, peak: count }).nullable(),
  rssMb: z.strictObject({ start: ms, end: ms, peak: ms }).nullable(),
});
export type SoakProcess = z.infer<typeof processSchema>;

export const soakLoadSchema = z.strictObject({
  /** What became of every request (each a user of the closed loop). */
  outcomes: outcomeCountsSchema,
  /** Answers by status, and requests that got none (timed out) or broke (errors). */
  statusCodes: z.record(z.string(), count),
  answers: count,
  timeouts: count,
  errors: count,
  /** autocannon's own counts of the same run, to check that no request went uncounted. */
  raw: z.strictObject({ answers: count, timeouts: count, errors: count }),
});
export type SoakLoad = z.infer<typeof soakLoadSchema>;

export const checkSchema = z.strictObject({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type SoakCheck = z.infer<typeof checkSchema>;

export const soakSettingsSchema = z.strictObject({
  connections: count,
  durationMs: ms,
  stretchMs: ms,
  warmupMs: ms,
  services: stackSettingsSchema,
});
export type SoakSettings = z.infer<typeof soakSettingsSchema>;

export const soakSchema = z.strictObject({
  schemaVersion: z.literal(SOAK_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  quick: z.boolean(),
  settings: soakSettingsSchema,
  stretches: z.array(stretchSchema),
  load: soakLoadSchema,
  // Its checks read the states and the moves, not the probes.
  circuit: circuitRecordSchema.pick({ samples: true, transitions: true }),
  process: processSchema,
  /** Lines the services logged at error level or above, or about an unhandled error. */
  errorLines: z.array(z.string()),
  /** Services still running when the soak ended. */
  alive: z.record(z.string(), z.boolean()),
  checks: z.array(checkSchema),
  passed: z.boolean(),
});
export type SoakReport = z.infer<typeof soakSchema>;

export const SOAK_FILE = 'soak.json';

/** Validates the soak report and writes `dir`/soak.json atomically; returns its path. */
export const writeSoak = (dir: string, report: SoakReport) =>
  writeJsonFile(dir, SOAK_FILE, soakSchema, report);
