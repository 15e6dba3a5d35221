import type { GatewayId } from '../model/gateways.js';
import type { Phase } from '../model/phases.js';
import type { Control, Targets } from '../runner/control.js';
import type { GatewayRecording } from './gateway-load.js';
import type { GatewayScenario } from './settings.js';

/** The stack a scenario runs against: where to send users, and the switches to pull. */
export interface ScenarioStack {
  targets: Targets;
  control: Control;
}

/** What one scenario produced, before the report summarizes it. */
export interface ScenarioRecording {
  name: GatewayScenario;
  description: string;
  /** Epoch ms: every offset in the recording counts from here. */
  t0: number;
  durationMs: number;
  /** recommendations-service's failure mode over time. */
  phases: Phase[];
  gateways: Record<GatewayId, GatewayRecording>;
}
