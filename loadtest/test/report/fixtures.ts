import { readFileSync } from 'node:fs';
import { reportSchema, type Report } from '../../src/report/schema.js';

export type FixtureName = 'report' | 'report-outage-only';

/** The fixture as stored, unvalidated: for tests that break it on purpose. */
export function rawFixture(name: FixtureName): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

export function loadFixture(name: FixtureName): Report {
  return reportSchema.parse(rawFixture(name));
}

/** The formatters group digits with narrow no-break spaces; tests compare with plain ones. */
export const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

/** Words that mean a number or a field went missing on its way into the text. */
export const BROKEN_VALUES = /\b(NaN|Infinity|undefined|null)\b/;
