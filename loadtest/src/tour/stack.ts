import {
  readCircuitConfig,
  readStackSettings,
  type StackSettings,
  type Targets,
} from '../runner/control.js';
import { formatMs, formatSeconds, NNBSP } from '../browser/format.js';

/** The running services a tour is given, and what they run with. */
export interface TourStack {
  targets: Targets;
  /** Sent with every admin POST; the curl lines print `$ADMIN_TOKEN` in its place. */
  adminToken: string | undefined;
  /** gateway-v2's options are its start-up ones: every step goes back to them first. */
  services: StackSettings;
}

/** Reads what the services run with, gateway-v2's options as it started (GET /circuit/config). */
export async function readTourStack(
  targets: Targets,
  adminToken: string | undefined,
): Promise<TourStack> {
  const [services, config] = await Promise.all([
    readStackSettings(targets),
    readCircuitConfig(targets),
  ]);
  return {
    targets,
    adminToken,
    services: { ...services, v2: { ...config.startup, protections: services.v2.protections } },
  };
}

/** The longest any call into the stack may wait: the hang or gateway-v1's upstream timeout. */
export function longestWaitMs({ services }: TourStack): number {
  return Math.max(services.recommendations.hangMs, services.v1.upstreamTimeoutMs);
}

/** What the tour says about the stack before the first step. */
export function describeStack(stack: TourStack): string {
  const { targets, services } = stack;
  const { v1, v2, recommendations } = services;
  const lines = [
    `  gateway-v1 (unprotected)   ${targets['gateway-v1']}   one shared pool of ${v1.size}, upstream timeout ${formatSeconds(v1.upstreamTimeoutMs)}`,
    `  gateway-v2 (breaker)       ${targets['gateway-v2']}   timeout ${formatMs(v2.timeoutMs)}; opens above ${v2.errorThresholdPercentage}${NNBSP}% failed once ${v2.volumeThreshold} calls in ${formatSeconds(v2.rollingWindowMs)}; probes after ${formatSeconds(v2.resetTimeoutMs)}`,
    `  recommendations-service    ${targets['recommendations-service']}   hang ${formatSeconds(recommendations.hangMs)}`,
  ];
  if (stack.adminToken)
    lines.push('  Admin calls carry ADMIN_TOKEN: export it in the shell where you type them.');
  return lines.join('\n');
}
