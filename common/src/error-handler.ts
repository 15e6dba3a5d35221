import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, CommonErrors } from './errors.js';
import type { ErrorBody } from './types.js';

/** Errors thrown by body-parser carry a `type` and a `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const { type, status, limit = 0 } = (err ?? {}) as BodyParserError;
  if (type === 'entity.parse.failed') return CommonErrors.invalidJson();
  if (type === 'entity.too.large') return CommonErrors.payloadTooLarge(limit);
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return CommonErrors.unsupportedMediaType();
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return CommonErrors.badRequest('The request could not be read');
  }
  return CommonErrors.internal();
}

export function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message } };
}

/** The one error handler: renders every error as `{"error":{"code","message"}}`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    // Headers already went out: only Express's default handler can close the socket.
    if (res.headersSent) {
      next(err);
      return;
    }
    const appError = toAppError(err);
    // Unexpected errors are logged in full; the client only gets the generic 500 message.
    if (!(err instanceof AppError)) {
      const level = appError.status >= 500 ? 'error' : 'debug';
      logger[level]({ err, method: req.method, url: req.originalUrl }, 'request failed');
    }
    res.status(appError.status).json(errorBody(appError));
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(CommonErrors.routeNotFound(req.method, req.path));
};
