import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { errorBody } from '@galley/errors';
import { redactUrl } from './redact-url';
import { requestIdOf } from './request-context.middleware';

/**
 * The SQLSTATE of a Postgres error (pg's DatabaseError, or TypeORM's QueryFailedError around one).
 * Class 22 is "data exception": a value of the wrong type or range (a bad date, an integer out
 * of range, an invalid text representation) that validation let through.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code ?? (error as { driverError?: { code?: unknown } })?.driverError?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Every error leaves as `{statusCode, error, message, requestId}`. Unexpected errors are logged
 * with their stack and answered with a generic message: no stack trace reaches a client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const requestId = req.id ?? requestIdOf(req);
    if (res.headersSent) return;

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
      if (status >= 500) this.logger.error({ err: exception, requestId, method: req.method, url: redactUrl(req.originalUrl ?? req.url) }, 'request failed');
      res.status(status).json(errorBody(status, message, requestId));
      return;
    }
    // body-parser and similar middleware throw plain errors that carry a status.
    const status = (exception as { status?: unknown; statusCode?: unknown })?.status ?? (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const expose = (exception as { expose?: boolean }).expose;
      const message = expose ? (exception as Error).message : 'The request could not be read';
      res.status(status).json(errorBody(status, message, requestId));
      return;
    }
    const where = { requestId, method: req.method, url: redactUrl(req.originalUrl ?? req.url) };
    // A last line: the value should have been refused by validation (and is a bug to fix there, hence
    // the warning), but a value Postgres cannot take is the client's error, never a 500.
    if (sqlStateOf(exception)?.startsWith('22')) {
      this.logger.warn({ ...where, sqlState: sqlStateOf(exception), err: exception }, 'a request value reached Postgres that its column type refuses');
      res.status(400).json(errorBody(400, 'A value in the request is out of range or malformed for its field', requestId));
      return;
    }
    this.logger.error({ ...where, err: exception }, 'unexpected error');
    res.status(500).json(errorBody(500, 'Something went wrong on our side; quote the request id when reporting it', requestId));
  }
}
