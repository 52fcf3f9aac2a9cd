import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { errorBody } from '@galley/errors';
import { requestIdOf } from './request-context.middleware';

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
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      if (status >= 500) this.logger.error({ err: exception, requestId }, 'request failed');
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
    this.logger.error({ err: exception, requestId }, 'unexpected error');
    res.status(500).json(errorBody(500, 'Something went wrong on our side; quote the request id when reporting it', requestId));
  }
}
