import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { notFound, toAppError } from "./errors.ts";

/** The one Express error middleware: every error becomes `{ error: { code, message, fields? } }`. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, "request failed");
    if (res.headersSent) return;
    res.status(appError.status).json(appError.toBody());
  };
}

/** Unknown API paths answer JSON 404, never the SPA's HTML. */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound("No such API endpoint"));
