import type { ScenarioSettings, ServiceSettings } from '@cbd/loadtest';
import { DASHBOARD_PORT_SETTINGS, type StackPorts } from '../settings.js';
import { stackPortsWanted, type WantedPort } from '../stack/ports.js';

export const DASHBOARD_HOST = '127.0.0.1';
export const DEFAULT_LIVE_CONNECTIONS = 10;

/**
 * The ports --live will bind, for one check before anything starts: the dashboard's, and the
 * services' unless they are already running (--no-start).
 */
export function livePorts(dashboardPort: number, stack: StackPorts | undefined): WantedPort[] {
  return [
    {
      port: dashboardPort,
      variable: DASHBOARD_PORT_SETTINGS.dashboardPort.env,
      owner: 'the live dashboard',
    },
    ...(stack ? stackPortsWanted(stack) : []),
  ];
}

/**
 * The load's client timeout: longer than anything a gateway may take to answer (the hang,
 * v1's upstream timeout), so v1's slow answers are measured instead of cut off.
 */
export function liveClientTimeoutMs(settings: ScenarioSettings, services: ServiceSettings): number {
  return Math.max(
    settings.clientTimeoutMs,
    services.hangMs + 5000,
    services.v1.upstreamTimeoutMs + 5000,
  );
}
