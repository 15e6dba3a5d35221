import { describe, expect, it } from 'vitest';
import { reportSchema, SCHEMA_VERSION } from '../../src/report/schema.js';
import { rawFixture, type FixtureName } from './fixtures.js';

describe('reportSchema', () => {
  it.each<FixtureName>(['report', 'report-outage-only'])(
    'when the %s fixture is parsed, then it is a valid report',
    (name) => {
      // Arrange
      const raw = rawFixture(name);

      // Act
      const result = reportSchema.safeParse(raw);

      // Assert
      expect(result.success).toBe(true);
      expect(result.data?.schemaVersion).toBe(SCHEMA_VERSION);
    },
  );

  it('when the full fixture is parsed, then both scenarios are there and the outage-only one has one', () => {
    // Arrange / Act
    const full = reportSchema.parse(rawFixture('report'));
    const outageOnly = reportSchema.parse(rawFixture('report-outage-only'));

    // Assert
    expect(Object.keys(full.scenarios).sort()).toEqual(['outage', 'timeline']);
    expect(Object.keys(outageOnly.scenarios)).toEqual(['outage']);
    expect(outageOnly.config.quick).toBe(true);
  });

  it('when a required field is missing, then the report is rejected', () => {
    // Arrange
    const raw = rawFixture('report');
    delete raw.generatedAt;

    // Act
    const result = reportSchema.safeParse(raw);

    // Assert
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['generatedAt']);
  });

  it('when a count is negative, then the report is rejected at that count', () => {
    // Arrange
    const raw = rawFixture('report') as {
      scenarios: { outage: { gateways: { v1: { outcomes: { failed: number } } } } };
    };
    raw.scenarios.outage.gateways.v1.outcomes.failed = -1;

    // Act
    const result = reportSchema.safeParse(raw);

    // Assert
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([
      'scenarios',
      'outage',
      'gateways',
      'v1',
      'outcomes',
      'failed',
    ]);
  });

  it('when the schema version is another one, then the report is rejected', () => {
    // Arrange
    const raw = { ...rawFixture('report'), schemaVersion: SCHEMA_VERSION + 1 };

    // Act
    const result = reportSchema.safeParse(raw);

    // Assert
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['schemaVersion']);
  });

  it('when a field the schema does not know is added, then the report is rejected', () => {
    // Arrange
    const raw = { ...rawFixture('report'), extra: true };

    // Act
    const result = reportSchema.safeParse(raw);

    // Assert
    expect(result.success).toBe(false);
  });
});
