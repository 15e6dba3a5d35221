import { readSettings, setting, type EnvSource } from '@cbd/common';
import type { ScenarioSettings, ServiceSettings } from '@cbd/loadtest';
import { PORT_VARIABLES, SERVICE_NAMES, type StackPorts } from '../stack/services.js';

export const DASHBOARD_HOST = '127.0.0.1';
export const DEFAULT_LIVE_CONNECTIONS = 10;

/** DASHBOARD_PORT (default 8099); a bad value is a ConfigError naming it. */
export function loadDashboardPort(source: EnvSource): number {
  const port = setting.port('DASHBOARD_PORT', { default: 8099, meaning: 'the live page' });
  return readSettings({ port }, source).port;
}

/**
 * The ports --live will bind, for one check before anything starts: the dashboard's, and the
 * services' unless they are already running (--no-start).
 */
export function livePorts(dashboardPort: number, stack: StackPorts | undefined) {
  const services = stack
    ? SERVICE_NAMES.map((name) => ({
        port: stack[name],
        variable: PORT_VARIABLES[name],
        owner: name,
      }))
    : [];
  return [
    { port: dashboardPort, variable: 'DASHBOARD_PORT', owner: 'the live dashboard' },
    ...services,
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
