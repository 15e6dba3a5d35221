import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../src/stack/services.js';
import { missingCommand, requireTools } from './helpers/tools.js';

const run = promisify(execFile);
const missing = missingCommand('promtool', ['--version']);

/** Runs promtool from the repository root; resolves with its output, rejects with it. */
async function promtool(...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd: ROOT_DIR });
    return `${stdout}${stderr}`;
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

describe('Prometheus configuration (observability profile)', () => {
  it('when promtool checks prometheus.yml, then it and the rule file it names are valid', async (ctx) => {
    requireTools(ctx, [missing]);

    const output = await promtool('check', 'config', 'observability/prometheus/prometheus.yml');

    expect(output).toMatch(/SUCCESS: 1 rule files found/);
  });

  it('when promtool checks the alert rules, then both alerts are valid', async (ctx) => {
    requireTools(ctx, [missing]);

    const output = await promtool('check', 'rules', 'observability/prometheus/alerts.yml');

    expect(output).toMatch(/SUCCESS: 2 rules found/);
  });

  it('when the alerts run against recorded series, then they fire exactly when the unit tests say', async (ctx) => {
    requireTools(ctx, [missing]);

    const output = await promtool(
      'test',
      'rules',
      'observability/prometheus/tests/alerts.test.yml',
    );

    expect(output).toMatch(/SUCCESS/);
  });
});
