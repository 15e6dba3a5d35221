import { summarizeProbes, type Collateral, type ProbeSample } from '../model/collateral.js';
import { sharedEnd, timeLimit } from './time-limit.js';

export interface ProbeOptions {
  /** e.g. http://127.0.0.1:8080/products/1: a route that needs only the healthy service. */
  url: string;
  intervalMs: number;
  timeoutMs: number;
  patienceMs: number;
  t0: number;
}

export interface RunningProbe {
  /** Stops sending; cuts off the probes still waiting; returns what they measured. */
  stop(): Promise<Collateral>;
}

/**
 * Sends one GET every intervalMs beside the load, without waiting for the previous one: a
 * probe stuck 30 s behind a hung pool must not stop the next ones from being sent.
 */
export function startProbe({
  url,
  intervalMs,
  timeoutMs,
  patienceMs,
  t0,
}: ProbeOptions): RunningProbe {
  const samples: ProbeSample[] = [];
  const inFlight = new Set<Promise<void>>();
  // Probes still waiting when the load ends are cut off, not waited for (up to the client
  // timeout): they count as unanswered, which is what they were while the load ran.
  const ended = sharedEnd();

  const probeOnce = async () => {
    const sent = Date.now();
    let status: number | null = null;
    const limit = timeLimit(timeoutMs, ended.signal);
    try {
      const res = await fetch(url, { signal: limit.signal });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      // No answer in time (or no connection): recorded as a probe without latency.
    } finally {
      limit.clear();
    }
    const waited = Date.now() - sent;
    samples.push(
      status === null
        ? { t: sent - t0, ms: null, status, waitedMs: waited }
        : { t: sent - t0, ms: waited, status },
    );
  };

  const send = () => {
    const pending = probeOnce().finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  };
  send();
  const timer = setInterval(send, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      ended.abort();
      await Promise.all(inFlight);
      return summarizeProbes(new URL(url).pathname, samples, patienceMs);
    },
  };
}
