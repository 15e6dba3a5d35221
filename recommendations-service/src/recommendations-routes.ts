import {
  CommonErrors,
  findProduct,
  parseProductId,
  relatedProducts,
  type RecommendationsResponse,
} from '@cbd/common';
import { Router, type NextFunction, type Response } from 'express';
import { RecommendationsErrors } from './errors.js';
import type { FailureController } from './failure-controller.js';

function sendRecommendations(res: Response, next: NextFunction, productId: number): void {
  if (!findProduct(productId)) {
    next(CommonErrors.productNotFound(productId));
    return;
  }
  const body: RecommendationsResponse = { productId, recommendations: relatedProducts(productId) };
  res.json(body);
}

/** Runs `fn` after `ms`, unless the client has gone by then. */
function later(res: Response, ms: number, fn: () => void): void {
  const timer = setTimeout(fn, ms);
  res.on('close', () => clearTimeout(timer));
}

export function recommendationsRoutes(failure: FailureController, random: () => number): Router {
  const router = Router();

  router.get('/recommendations/:id', (req, res, next) => {
    const productId = parseProductId(req.params.id);
    const { mode, hangMs, latencyMs, errorRate } = failure.settings;
    switch (mode) {
      case 'healthy':
        return sendRecommendations(res, next, productId);
      case 'slow':
        return later(res, latencyMs, () => sendRecommendations(res, next, productId));
      case 'error':
        throw RecommendationsErrors.simulatedFailure(mode);
      case 'partial':
        if (random() < errorRate) throw RecommendationsErrors.simulatedFailure(mode);
        return sendRecommendations(res, next, productId);
      case 'hang': {
        // Like the original Go demo: hold the request, then give up with 408.
        res.on('close', failure.holdStarted());
        return later(res, hangMs, () => next(RecommendationsErrors.hangTimedOut(hangMs)));
      }
      case 'reset':
        // A dependency that drops connections: no status, no body.
        req.socket.destroy();
        return;
    }
  });

  return router;
}
