import { readFileSync } from 'node:fs';
import { reportSchema, type Report } from '../../src/report/schema.js';

/** A report made by a real quick run (open model, both scenarios), and its variants. */
export function fixture(name: 'report' | 'report-closed' | 'report-outage-only'): Report {
  const text = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
  return reportSchema.parse(JSON.parse(text));
}

/** What a rendered figure must never show. */
export const BROKEN_VALUES = /NaN|undefined|Infinity|\[object/;

/** Text with narrow no-break spaces as plain spaces, to compare with literals. */
export const plain = (text: string) => text.replaceAll('\u202f', ' ');
