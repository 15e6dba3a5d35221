import {
  waitingAtLeast,
  type LoadSpec,
  type ScenarioSettings,
  type StackSettings,
} from '@cbd/loadtest';
import { DASHBOARD_PORT_SETTINGS, type StackPorts } from '../settings.js';
import { stackPortsWanted, type WantedPort } from '../stack/ports.js';

export const DASHBOARD_HOST = '127.0.0.1';

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
 * The timeline's users, as the command line chose them, each waiting longer than anything a
 * gateway may take to answer (the hang, gateway-v1's upstream timeout), so gateway-v1's slow
 * answers are measured instead of cut off.
 */
export function liveLoad(settings: ScenarioSettings, services: StackSettings): LoadSpec {
  return waitingAtLeast(
    settings.load.timeline,
    Math.max(services.recommendations.hangMs, services.v1.upstreamTimeoutMs) + 5000,
  );
}
