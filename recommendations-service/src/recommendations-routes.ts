import {
  CALLER_HEADER,
  CommonErrors,
  findProduct,
  parseProductId,
  relatedProducts,
  type RecommendationsResponse,
} from '@cbd/common';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { CallCounter } from './callers.js';
import type { Capacity } from './capacity.js';
import { RecommendationsErrors } from './errors.js';
import type { FailureController } from './failure-controller.js';

export interface RecommendationsParts {
  failure: FailureController;
  capacity: Capacity;
  callers: CallCounter;
  /** Decides which requests `partial` fails. */
  random: () => number;
}

function sendRecommendations(res: Response, next: NextFunction, productId: number): void {
  if (!findProduct(productId)) {
    next(CommonErrors.productNotFound(productId));
    return;
  }
  const body: RecommendationsResponse = { productId, recommendations: relatedProducts(productId) };
  res.json(body);
}

interface Answer {
  holdMs: number;
  answer(): void;
}

/** What one call does once it has a place, in the mode of that moment. */
function workOf(
  { failure, capacity, random }: RecommendationsParts,
  req: Request,
  res: Response,
  next: NextFunction,
  productId: number,
  callerWaits: boolean,
): Answer {
  const { mode, hangMs, latencyMs, errorRate } = failure.settings;
  const send = () => sendRecommendations(res, next, productId);
  const fail = () => next(RecommendationsErrors.simulatedFailure(mode));
  switch (mode) {
    case 'healthy':
      return { holdMs: capacity.settings.workMs, answer: send };
    case 'partial':
      return { holdMs: capacity.settings.workMs, answer: random() < errorRate ? fail : send };
    case 'slow':
      return { holdMs: latencyMs, answer: send };
    case 'error':
      return { holdMs: 0, answer: fail };
    case 'hang':
      // A hang that ends, as a server's own request timeout would end it: held, then 408.
      if (callerWaits) res.on('close', failure.holdStarted());
      return { holdMs: hangMs, answer: () => next(RecommendationsErrors.hangTimedOut(hangMs)) };
    case 'reset':
      // A dependency that drops connections: no status, no body.
      return { holdMs: 0, answer: () => req.socket.destroy() };
  }
}

export function recommendationsRoutes(parts: RecommendationsParts): Router {
  const router = Router();
  const { capacity, callers } = parts;

  router.get('/recommendations/:id', (req, res, next) => {
    const tally = callers.arrive(req.headers[CALLER_HEADER]);
    let productId: number;
    try {
      productId = parseProductId(req.params.id);
    } catch (err) {
      tally.inFlight -= 1;
      throw err;
    }
    let callerWaits = true;
    res.on('close', () => {
      callerWaits = false;
    });
    capacity.serve(() => {
      // A call whose caller has left is served all the same (see Capacity); only its answer
      // goes nowhere.
      const work = workOf(parts, req, res, next, productId, callerWaits);
      return {
        holdMs: work.holdMs,
        end() {
          tally.inFlight -= 1;
          if (callerWaits) work.answer();
        },
      };
    });
  });

  return router;
}
