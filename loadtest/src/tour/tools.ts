import { POOL_STATUS_PATH } from '@cbd/gateway-v1/contract';
import { CIRCUIT_PATHS } from '@cbd/gateway-v2/contract';
import { FAILURE_PATH } from '@cbd/recommendations-service/contract';
import { formatCount, formatMs, formatSeconds } from '../browser/format.js';
import type { TourIo } from './io.js';
import { wrap } from './layout.js';
import {
  curlLine,
  type Answer,
  type CurlShape,
  type TourHttp,
  type TourRequest,
} from './requests.js';
import type { TourSettings } from './settings.js';
import { longestWaitMs, type TourStack } from './stack.js';
import type { Background, StartState, StepTools } from './step.js';
import { compactJson } from './trim.js';
import { asFailure, asPool, circuitView, configView, failureView } from './views.js';

/** How an answer is printed under its curl line. */
export function answerLine(answer: Answer, view?: (body: unknown) => unknown): string {
  if (answer.status === null) return `${answer.error ?? 'no answer'} after ${formatMs(answer.ms)}`;
  const body = view ? view(answer.body) : answer.body;
  return `${answer.status} · ${formatMs(answer.ms)} · ${compactJson(body)}`;
}

/** Calls that take longer than this show a counter while the student waits with them. */
const SHOW_WAIT_AFTER_MS = 1000;
const TICK_MS = 200;

export interface ToolsDeps {
  io: TourIo;
  http: TourHttp;
  stack: TourStack;
  settings: TourSettings;
  signal: AbortSignal;
  /** Where narration is wrapped. */
  width: number;
}

/** The tools of one step's run, printing through `io`, every wait cut short by `signal`. */
export function createStepTools(deps: ToolsDeps): StepTools {
  const { io, http, stack, settings, signal, width } = deps;
  const curl = (req: TourRequest, shape?: CurlShape) =>
    `  $ ${curlLine(req, stack.targets, stack.adminToken, shape)}`;

  const timed = async (req: TourRequest): Promise<Answer> => {
    const started = Date.now();
    const counter = setInterval(() => {
      const waited = Date.now() - started;
      if (waited >= SHOW_WAIT_AFTER_MS)
        io.status(`    … ${formatSeconds(waited)} so far (q quits)`);
    }, TICK_MS);
    try {
      return await http.send(req, signal);
    } finally {
      clearInterval(counter);
      io.status('');
    }
  };

  const tools: StepTools = {
    stack,
    settings,
    signal,
    say: (text) => io.print(wrap(text, width)),
    async send(req) {
      io.print(curl(req));
      const answer = await timed(req);
      io.print(`    ${answerLine(answer, req.view)}`);
      return answer;
    },
    peek: (req) => http.send(req, signal),
    show: (req, prefix = '') =>
      io.print(`  ${prefix}${curlLine(req, stack.targets, stack.adminToken)}`),
    async loop(n, req) {
      io.print(curl(req, { loop: n }));
      const answers: Answer[] = [];
      for (let i = 1; i <= n; i += 1) {
        const answer = await timed(req);
        answers.push(answer);
        io.print(`    ${String(i).padStart(2)}  ${answerLine(answer, req.view)}`);
      }
      return answers;
    },
    background(n, req): Background {
      io.print(curl(req, { background: n }));
      io.print(`    (${formatCount(n)} requests sent at once; their answers are not shown)`);
      const done = Promise.all(Array.from({ length: n }, () => http.send(req, signal)));
      // A step that quits before it awaits them must not leave a rejection unhandled.
      done.catch(() => undefined);
      return { done };
    },
    async wait(ms, what) {
      const deadline = Date.now() + ms;
      try {
        for (let left = ms; left > 0; left = deadline - Date.now()) {
          io.status(`    ${what}: ${formatSeconds(left)} (q quits)`);
          await io.wait(Math.min(TICK_MS, left), signal);
        }
      } finally {
        io.status('');
      }
    },
    async until(what, check, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      try {
        for (;;) {
          if (await check()) return true;
          const left = deadline - Date.now();
          if (left <= 0) return false;
          io.status(`    ${what} (at most ${formatSeconds(left)} more; q quits)`);
          await io.wait(Math.min(100, left), signal);
        }
      } finally {
        io.status('');
      }
    },
    status: (line) => io.status(line),
    start: (state) => startFrom(tools, state),
  };
  return tools;
}

async function startFrom(tools: StepTools, { failure }: StartState): Promise<void> {
  const read = async () => {
    const [f, p] = await Promise.all([
      tools.peek({ service: 'recommendations-service', path: FAILURE_PATH }),
      tools.peek({ service: 'gateway-v1', path: POOL_STATUS_PATH }),
    ]);
    return { failure: asFailure(f), pool: asPool(p) };
  };
  const busy = ({ failure: f, pool }: Awaited<ReturnType<typeof read>>) =>
    f.hanging > 0 || pool.active > 0 || pool.waiting > 0;
  tools.say('The state this step starts from:');
  const now = await read();
  if (busy(now)) {
    // Calls that hang cannot be cancelled from here: heal, then let each one run out.
    if (now.failure.mode !== 'healthy') {
      await tools.send({
        method: 'POST',
        service: 'recommendations-service',
        path: FAILURE_PATH,
        body: { mode: 'healthy' },
        view: failureView,
      });
    }
    const drained = await tools.until(
      `letting ${formatCount(now.failure.hanging + now.pool.active)} calls still hanging finish`,
      async () => !busy(await read()),
      longestWaitMs(tools.stack) + 5000,
    );
    if (!drained) tools.say('    (some calls still hang; going on)');
  }
  await tools.send({
    method: 'POST',
    service: 'gateway-v2',
    path: CIRCUIT_PATHS.configReset,
    view: configView(['volumeThreshold', 'resetTimeoutMs'], { changedAt: false }),
  });
  await tools.send({
    method: 'POST',
    service: 'gateway-v2',
    path: CIRCUIT_PATHS.reset,
    view: circuitView(['state']),
  });
  await tools.send({
    method: 'POST',
    service: 'recommendations-service',
    path: FAILURE_PATH,
    body: failure,
    view: failureView,
  });
}
