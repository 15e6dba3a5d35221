import { formatMs } from '../format.js';
import type { Report } from '../schema.js';
import { escapeHtml } from './escape.js';

type Pair = [label: string, value: string];

function table(caption: string, pairs: Pair[]): string {
  const rows = pairs
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  return `<table class="info"><caption>${escapeHtml(caption)}</caption><tbody>${rows}</tbody></table>`;
}

function loadPairs(report: Report): Pair[] {
  const { config } = report;
  const { timeline } = config;
  return [
    ['quick mode (~10× shorter)', config.quick ? 'yes' : 'no'],
    ['scenarios run', config.scenarios.join(', ') || 'none'],
    ['client timeout', formatMs(config.clientTimeoutMs)],
    [
      'outage',
      `${config.outage.connections} connections, ${formatMs(config.outage.durationMs)} per gateway`,
    ],
    [
      'timeline',
      `${timeline.connections} connections per gateway; healthy ${formatMs(timeline.healthyMs)}, hang ${formatMs(timeline.hangMs)}, healthy ${formatMs(timeline.recoveryMs)}`,
    ],
    ...Object.entries(config.targets).map(([name, url]): Pair => [name, url]),
  ];
}

function servicePairs(report: Report): Pair[] {
  const { hangMs, v1, v2 } = report.config.services;
  return [
    ['recommendations hang', formatMs(hangMs)],
    ['gateway-v1 upstream timeout', formatMs(v1.upstreamTimeoutMs)],
    ['gateway-v1 shared pool', `${v1.maxSockets} calls at once`],
    ['gateway-v2 breaker timeout', formatMs(v2.timeoutMs)],
    [
      'gateway-v2 opens at',
      `> ${v2.errorThresholdPercentage} % failures, after ${v2.volumeThreshold} calls`,
    ],
    ['gateway-v2 reset timeout', formatMs(v2.resetTimeoutMs)],
    ['gateway-v2 bulkhead', `${v2.capacity} calls at once`],
    ...(v2.rollingWindowMs === undefined
      ? []
      : [['gateway-v2 rolling window', formatMs(v2.rollingWindowMs)] as Pair]),
  ];
}

function environmentPairs(report: Report): Pair[] {
  const env = report.environment;
  return [
    ['Node.js', env.node],
    ['platform', `${env.platform} ${env.arch}`],
    ['CPU', `${env.cpus} × ${env.cpuModel}`],
    ['memory', `${env.memoryGb} GB`],
    ...Object.entries(env.versions).map(([name, version]): Pair => [name, version]),
  ];
}

/** How the numbers were made: load, services' settings, machine. */
export function infoTables(report: Report): string {
  return [
    table('Load', loadPairs(report)),
    table('Services', servicePairs(report)),
    table('Environment', environmentPairs(report)),
  ].join('\n');
}
