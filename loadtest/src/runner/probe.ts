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

/** Probes sent on a schedule. */
export interface ProbeSender {
  /** Stops sending, cuts off the probes still waiting and waits for them to end. */
  stop(): Promise<void>;
}

/**
 * Runs `probe` every intervalMs, the first at once, without waiting for the one before: a
 * probe stuck 30 s behind a hung pool must not stop the next ones from being sent. Its `ask`
 * GETs `url` and gives the status, or null with no answer within timeoutMs (or none before
 * stop); `ended` is aborted once stop is called.
 */
export function sendProbes(
  { url, intervalMs, timeoutMs }: Pick<ProbeOptions, 'url' | 'intervalMs' | 'timeoutMs'>,
  probe: (ask: () => Promise<number | null>, ended: AbortSignal) => Promise<void>,
): ProbeSender {
  const inFlight = new Set<Promise<void>>();
  // Probes still waiting when the load ends are cut off, not waited for (up to the client
  // timeout): they count as unanswered, which is what they were while the load ran.
  const ended = sharedEnd();

  const ask = async () => {
    const limit = timeLimit(timeoutMs, ended.signal);
    try {
      const res = await fetch(url, { signal: limit.signal });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return null; // no answer in time, or no connection
    } finally {
      limit.clear();
    }
  };

  const send = () => {
    const pending = probe(ask, ended.signal).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  };
  send();
  const timer = setInterval(send, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      ended.abort();
      await Promise.all(inFlight);
    },
  };
}

/** The scenarios' probe: every answer kept, for the collateral figures of a run. */
export function startProbe(options: ProbeOptions): RunningProbe {
  const { url, patienceMs, t0 } = options;
  const samples: ProbeSample[] = [];
  const sender = sendProbes(options, async (ask) => {
    const sent = Date.now();
    const status = await ask();
    const waited = Date.now() - sent;
    samples.push(
      status === null
        ? { t: sent - t0, ms: null, status, waitedMs: waited }
        : { t: sent - t0, ms: waited, status },
    );
  });
  return {
    async stop() {
      await sender.stop();
      return summarizeProbes(new URL(url).pathname, samples, patienceMs);
    },
  };
}
