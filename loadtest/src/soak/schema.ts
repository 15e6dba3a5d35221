import { z } from 'zod';
import { circuitStateSchema, circuitTransitionSchema, reportSchema } from '../report/schema.js';

// reports/soak.json, written by `pnpm soak`. Documented in loadtest/README.md ("pnpm soak").
export const SOAK_SCHEMA_VERSION = 1;

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

export const loadSchema = z.strictObject({
  outcomes: z.strictObject({ full: count, degraded: count, failed: count, timeout: count }),
  /** Responses the recorder saw, by status; and client timeouts and connection errors. */
  statusCodes: z.record(z.string(), count),
  responses: count,
  timeouts: count,
  errors: count,
  /** autocannon's own counts of the same run, to check that no response went uncounted. */
  raw: z.strictObject({ responses: count, timeouts: count, errors: count }),
});
export type SoakLoad = z.infer<typeof loadSchema>;

export const checkSchema = z.strictObject({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type SoakCheck = z.infer<typeof checkSchema>;

export const soakSchema = z.strictObject({
  schemaVersion: z.literal(SOAK_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  quick: z.boolean(),
  settings: z.strictObject({
    connections: count,
    durationMs: ms,
    stretchMs: ms,
    warmupMs: ms,
    services: reportSchema.shape.config.shape.services,
  }),
  stretches: z.array(stretchSchema),
  load: loadSchema,
  circuit: z.strictObject({
    samples: z.array(z.strictObject({ t: z.number(), state: circuitStateSchema })),
    transitions: z.array(circuitTransitionSchema),
  }),
  process: processSchema,
  /** Lines the services logged at error level or above, or about an unhandled error. */
  errorLines: z.array(z.string()),
  /** Services still running when the soak ended. */
  alive: z.record(z.string(), z.boolean()),
  checks: z.array(checkSchema),
  passed: z.boolean(),
});
export type SoakReport = z.infer<typeof soakSchema>;
export type SoakSettings = SoakReport['settings'];
export type SoakProcess = z.infer<typeof processSchema>;
