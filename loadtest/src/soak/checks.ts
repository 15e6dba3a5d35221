import { type CircuitState } from '@cbd/gateway-v2/contract';
import { arrivalsOf, usefulOf } from '../model/outcome.js';
import { SOAK_SCHEMA_VERSION, type SoakCheck, type SoakReport } from './schema.js';

export type SoakFacts = Omit<
  SoakReport,
  'schemaVersion' | 'generatedAt' | 'quick' | 'checks' | 'passed'
>;

/** Open files may differ by a few pooled keep-alive sockets between two idle moments, no more. */
export const FD_SLACK = 20;
/** The heap settles at its working size in the warm-up; a leak grows past this. */
export const RSS_SLACK_MB = 64;

const check = (name: string, ok: boolean, detail: string): SoakCheck => ({ name, ok, detail });

/** The breaker's legal moves (OPEN -> CLOSED is POST /circuit/reset). */
const MOVES = new Set([
  'CLOSED>OPEN',
  'OPEN>HALF_OPEN',
  'HALF_OPEN>OPEN',
  'HALF_OPEN>CLOSED',
  'OPEN>CLOSED',
]);

function noCrash(f: SoakFacts): SoakCheck[] {
  const dead = Object.entries(f.alive)
    .filter(([, alive]) => !alive)
    .map(([name]) => name);
  return [
    check(
      'every service still running',
      dead.length === 0,
      // A service that exits mid-soak stops it at once (SERVICE_DIED, exit 1): this row can only
      // catch one that went in the moment between the load's end and the stack's stop.
      dead.length
        ? `exited: ${dead.join(', ')}`
        : `${Object.keys(f.alive).length} running when the load ended; one that exits sooner stops the soak`,
    ),
    check(
      'no error, fatal or unhandled error in the logs',
      f.errorLines.length === 0,
      f.errorLines.length
        ? `${f.errorLines.length} lines, first: ${f.errorLines[0]!.slice(0, 200)}`
        : 'none',
    ),
  ];
}

function noLeak(f: SoakFacts): SoakCheck[] {
  const { fds, rssMb } = f.process;
  return [
    fds === null
      ? check('open sockets did not grow', true, 'not measured (no /proc)')
      : check(
          'open sockets did not grow',
          fds.end <= fds.start + FD_SLACK,
          `open files idle before ${fds.start}, after ${fds.end} (peak ${fds.peak}); allowed +${FD_SLACK}`,
        ),
    rssMb === null
      ? check('memory did not grow', true, 'not measured (no /proc)')
      : check(
          'memory did not grow',
          rssMb.end <= rssMb.start + RSS_SLACK_MB,
          `RSS idle before ${rssMb.start} MB, after ${rssMb.end} MB (peak ${rssMb.peak} MB); allowed +${RSS_SLACK_MB} MB`,
        ),
  ];
}

function classified(f: SoakFacts): SoakCheck[] {
  const { outcomes, answers, timeouts, errors, raw, statusCodes } = f.load;
  const sum = arrivalsOf(outcomes);
  const ok200 = statusCodes['200'] ?? 0;
  const requests = answers + timeouts + errors;
  const useful = usefulOf(outcomes);
  return [
    check(
      'every request classified',
      sum === requests &&
        ok200 === useful + outcomes.tooLate &&
        answers === raw.answers &&
        timeouts === raw.timeouts &&
        errors === raw.errors,
      `outcomes ${sum} = answers ${answers} + timeouts ${timeouts} + errors ${errors} = ${requests}; 200s ${ok200}; autocannon counted ${raw.answers} answers, ${raw.timeouts} timeouts, ${raw.errors} errors`,
    ),
    check(
      'every answer useful (only recommendations flapped)',
      requests > 0 && useful / requests >= 0.999,
      `${useful} of ${requests} useful`,
    ),
  ];
}

/** The state the breaker was last seen in at or before `t` (ms since the soak started). */
function stateAt(f: SoakFacts, t: number): CircuitState | undefined {
  let state: CircuitState | undefined;
  for (const s of f.circuit.samples) if (s.t <= t) state = s.state;
  return state;
}

function breakerFollows(f: SoakFacts): SoakCheck[] {
  const { timeoutMs } = f.settings.services.v2;
  const problems: string[] = [];
  for (const s of f.stretches) {
    const span = `${s.mode} ${(s.startMs / 1000).toFixed(1)}–${(s.endMs / 1000).toFixed(1)} s`;
    if (s.mode === 'hang' || s.mode === 'error') {
      // A call that started just before the stretch ended may still time out into it.
      const opened = f.circuit.samples.some(
        (x) => x.state === 'OPEN' && x.t >= s.startMs && x.t <= s.endMs + timeoutMs,
      );
      if (!opened) problems.push(`${span}: never seen OPEN`);
    }
    if (s.mode === 'healthy' && stateAt(f, s.endMs) !== 'CLOSED') {
      problems.push(`${span}: ${stateAt(f, s.endMs) ?? 'unknown'} at its end`);
    }
  }
  const moves = f.circuit.transitions.map((t) => `${t.from}>${t.to}`);
  const illegal = moves.filter((m) => !MOVES.has(m));
  const broken = f.circuit.transitions.filter((t, i, all) => i > 0 && all[i - 1]!.to !== t.from);
  return [
    check(
      'breaker follows the flaps',
      problems.length === 0,
      problems.length
        ? problems.join('; ')
        : 'OPEN in every hang and error stretch, CLOSED at the end of every healthy one',
    ),
    check(
      'breaker transitions consistent',
      illegal.length === 0 && broken.length === 0,
      `${moves.length} transitions${illegal.length ? `; illegal: ${illegal.join(', ')}` : ''}${broken.length ? `; ${broken.length} do not start where the previous ended` : ''}`,
    ),
  ];
}

/** The soak's invariants, each with what was seen. None of them is a timing. */
export function checkSoak(facts: SoakFacts): SoakCheck[] {
  return [...noCrash(facts), ...noLeak(facts), ...classified(facts), ...breakerFollows(facts)];
}

/** The soak report: what happened, and each invariant checked against it. */
export function buildSoak(quick: boolean, facts: SoakFacts, generatedAt: Date): SoakReport {
  const checks = checkSoak(facts);
  return {
    schemaVersion: SOAK_SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    quick,
    ...facts,
    checks,
    passed: checks.every((c) => c.ok),
  };
}
