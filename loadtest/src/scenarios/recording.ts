import type {
  CircuitRecord,
  Collateral,
  GatewayId,
  Phase,
  ScenarioName,
} from '../report/schema.js';
import type { LoadRecording } from '../runner/run-load.js';

/** What one gateway's part of a scenario produced, before it is summarized into the report. */
export interface GatewayRecording {
  gateway: GatewayId;
  url: string;
  path: string;
  connections: number;
  load: LoadRecording;
  collateral: Collateral;
  circuit: CircuitRecord | null;
}

export interface ScenarioRecording {
  name: ScenarioName;
  description: string;
  /** Epoch ms. */
  t0: number;
  durationMs: number;
  phases: Phase[];
  gateways: Record<GatewayId, GatewayRecording>;
}
