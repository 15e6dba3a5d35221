import { readFileSync } from 'node:fs';
import { reportSchema, type Report } from '../../src/report/schema.js';
import { withBreakerDefaults } from '../helpers/breaker.js';

export type FixtureName =
  'report' | 'report-closed' | 'report-outage-only' | 'report-layers' | 'report-partial';

/** A report written by a real quick run, checked against the schema it claims. */
export function loadFixture(name: FixtureName): Report {
  const text = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
  const recorded = JSON.parse(text) as { config: { services: { v2: object } } };
  withBreakerDefaults(recorded.config.services);
  return reportSchema.parse(recorded);
}

/** Markup in every string a report carries from outside: the page must show it, never run it. */
export const HOSTILE = '</script><img src=x onerror=alert(1)>';

/** The full fixture with HOSTILE in its headline, a verdict, a description and a target. */
export function hostileReport(): Report {
  const report = loadFixture('report');
  report.headline = `${HOSTILE} ${report.headline}`;
  report.config.targets['gateway-v1'] = `http://127.0.0.1:8080/${HOSTILE}`;
  const timeline = report.scenarios.timeline!;
  timeline.description = HOSTILE;
  timeline.comparison.verdict = HOSTILE;
  report.environment.cpuModel = HOSTILE;
  return report;
}

/** What a page must never show where a figure is missing. */
export const BROKEN_VALUES = /\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b|\[object Object\]/;

/** Text with narrow no-break spaces as plain spaces, to compare with literals. */
export const plain = (text: string) => text.replaceAll('\u202f', ' ');
