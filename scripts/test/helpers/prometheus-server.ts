import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT_DIR } from '../../src/stack/services.js';
import { freePorts } from './free-ports.js';
import { waitFor } from './wait-for.js';

const CONFIG_DIR = `${ROOT_DIR}observability/prometheus`;

interface PrometheusConfig {
  global: Record<string, string>;
  rule_files: string[];
  scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
}

export interface PrometheusServer {
  readonly url: string;
  /** GETs an HTTP API path (e.g. /api/v1/alerts) and returns its `data`. */
  api<T>(path: string): Promise<T>;
  /** What it printed, for a failing test's message. */
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL) and removes its directory. */
  stop(): Promise<void>;
}

/** Where each scrape job of the project's prometheus.yml points, by job name. */
export type TargetsByJob = Record<string, string[]>;

/**
 * The project's prometheus.yml with each job's targets replaced and every interval set to
 * `intervalSeconds`; the alert rules are the project's own file, copied beside it unchanged.
 * Every job must be given targets, so a job added to the configuration is added to the test.
 */
async function writeConfig(dir: string, targets: TargetsByJob, intervalSeconds: number) {
  const config = parse(await readFile(`${CONFIG_DIR}/prometheus.yml`, 'utf8')) as PrometheusConfig;
  const interval = `${intervalSeconds}s`;
  config.global = {
    ...config.global,
    scrape_interval: interval,
    scrape_timeout: interval,
    evaluation_interval: interval,
  };
  const jobs = config.scrape_configs.map((job) => job.job_name);
  if (jobs.sort().join() !== Object.keys(targets).sort().join()) {
    throw new Error(
      `prometheus.yml scrapes ${jobs.join(', ')}; targets were given for ${Object.keys(targets).join(', ')}`,
    );
  }
  for (const job of config.scrape_configs)
    job.static_configs = [{ targets: targets[job.job_name] ?? [] }];
  for (const file of config.rule_files) await copyFile(`${CONFIG_DIR}/${file}`, join(dir, file));
  const path = join(dir, 'prometheus.yml');
  await writeFile(path, stringify(config));
  return path;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The real Prometheus server (Debian's /usr/bin/prometheus) on a free loopback port, ready. */
export async function startPrometheus(
  targets: TargetsByJob,
  { intervalSeconds = 1 } = {},
): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'cbd-prometheus-'));
  const [port] = await freePorts(1);
  const url = `http://127.0.0.1:${port}`;
  let printed = '';
  let child: ChildProcess | undefined;
  // A test that ends any way at all must not leave it running.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child) {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const config = await writeConfig(dir, targets, intervalSeconds);
    child = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => (printed = `${printed}${chunk.toString()}`.slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const running = child;
    await waitFor(
      'Prometheus to be ready',
      async () => {
        if (running.exitCode !== null) throw new Error(`prometheus exited:\n${printed}`);
        return fetch(`${url}/-/ready`).then(
          (res) => res.ok,
          () => false,
        );
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    async api<T>(path: string) {
      const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { status: string; data: T; error?: string };
      if (body.status !== 'success') throw new Error(`${path}: ${body.error ?? res.status}`);
      return body.data;
    },
    output: () => printed,
    stop,
  };
}
