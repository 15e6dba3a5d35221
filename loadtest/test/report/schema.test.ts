import { describe, expect, it } from 'vitest';
import { reportSchema, SCHEMA_VERSION } from '../../src/report/schema.js';
import { loadFixture } from './fixtures.js';

describe('reportSchema', () => {
  it.each([
    'report',
    'report-closed',
    'report-outage-only',
    'report-layers',
    'report-partial',
  ] as const)('when the %s fixture is read, then it is a valid schema-2 report', (name) => {
    expect(loadFixture(name).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('when a figure is out of its range or a field unknown, then the report is refused', () => {
    const report = structuredClone(loadFixture('report'));
    const v1 = report.scenarios.timeline!.gateways.v1;

    expect(reportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
    v1.users.usefulShare = 1.5;
    expect(reportSchema.safeParse(report).success).toBe(false);
  });
});
