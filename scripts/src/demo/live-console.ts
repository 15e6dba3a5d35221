import type { LiveStatus, Targets } from '@cbd/loadtest';

/** HH:MM:SS in local time, as on the dashboard's log. */
const clock = (iso: string) => new Date(iso).toTimeString().slice(0, 8);

/**
 * What changed between two reads, one line each, for the presenter's terminal: the failure
 * mode, and gateway-v2's breaker. Nothing for a service that did not answer.
 */
type Reading = Pick<LiveStatus, 'readAt' | 'failure' | 'circuit'>;

export function changeLines(before: Reading | undefined, now: Reading): string[] {
  const lines: string[] = [];
  const mode = now.failure?.mode;
  if (mode && mode !== before?.failure?.mode) {
    lines.push(`${clock(now.readAt)}  recommendations-service: ${mode}`);
  }
  const state = now.circuit?.state;
  const was = before?.circuit?.state;
  if (state && state !== was) {
    lines.push(`${clock(now.readAt)}  gateway-v2 breaker: ${was ? `${was} -> ` : ''}${state}`);
  }
  return lines;
}

export interface BannerFacts {
  url: string;
  /** The load on each gateway, in words (describeLoad). */
  users: string;
  targets: Targets;
  /** Where the services' logs go; undefined when they were already running (--no-start). */
  logsDir: string | undefined;
}

/** What the presenter reads once everything is up. */
export function liveBanner({ url, users, targets, logsDir }: BannerFacts): string {
  const ours = logsDir !== undefined;
  return `
Live classroom view: ${url}

Open it in a browser (on the projector). Both gateways are under the same load,
${users} each; the page updates every second. On the page:
  hang      breaks recommendations-service: gateway-v1 stalls, gateway-v2's breaker opens
  healthy   heals it: gateway-v2 probes and closes, gateway-v1 drains its backlog
  error, slow, partial   other ways to be sick; "reset breaker" closes gateway-v2's circuit now

${ours ? 'Services' : 'Services (already running)'}: gateway-v1 ${targets['gateway-v1']}, gateway-v2 ${targets['gateway-v2']},
  recommendations-service ${targets['recommendations-service']}${ours ? ` (logs: ${logsDir})` : ''}

Ctrl-C stops the load, the page${ours ? ' and the services' : ' (the services keep running)'}.
`;
}
