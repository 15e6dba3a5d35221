import { formatMs, formatPercent, formatRate } from '../report/format.js';
import {
  GATEWAYS,
  OUTCOMES,
  type GatewayId,
  type Outcome,
  type SecondSample,
} from '../report/schema.js';
import type { LiveSample } from './types.js';

/** One gateway's second as the page draws it: numbers for the charts, text for the big figures. */
export interface GatewaySecondView {
  /** Responses that arrived in the second (client timeouts are not responses). */
  requests: number;
  p50: number | null;
  p99: number | null;
  /** Percent of the second's attempts per outcome; null when nothing ended in it. */
  shares: Record<Outcome, number | null>;
  text: { rate: string; useful: string; p99: string };
}

export interface SampleView {
  t: number;
  gateways: Record<GatewayId, GatewaySecondView>;
}

const DASH = '—';

function gatewaySecond(s: SecondSample): GatewaySecondView {
  const attempts = OUTCOMES.reduce((sum, o) => sum + s.outcomes[o], 0);
  const share = (o: Outcome) => (attempts ? (s.outcomes[o] / attempts) * 100 : null);
  const useful = s.outcomes.full + s.outcomes.degraded;
  return {
    requests: s.requests,
    p50: s.p50,
    p99: s.p99,
    shares: {
      full: share('full'),
      degraded: share('degraded'),
      failed: share('failed'),
      timeout: share('timeout'),
    },
    text: {
      rate: formatRate(s.requests),
      useful: attempts ? formatPercent(useful / attempts) : DASH,
      p99: s.p99 === null ? DASH : formatMs(s.p99),
    },
  };
}

export function sampleView(sample: LiveSample): SampleView {
  const gateways = Object.fromEntries(
    GATEWAYS.map((g) => [g, gatewaySecond(sample.gateways[g])]),
  ) as Record<GatewayId, GatewaySecondView>;
  return { t: sample.t, gateways };
}
