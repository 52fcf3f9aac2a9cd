import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Type } from '@nestjs/common';
import { Response } from 'express';
import { DomainError } from '@galley/errors';
import { AllExceptionsFilter } from './all-exceptions.filter';

export interface DomainErrorFilterOptions<E extends DomainError> {
  /** Response headers the error asks for (e.g. Retry-After for a temporary refusal). */
  headers?: (error: E, now: Date) => Record<string, string> | undefined;
}

/**
 * The HTTP filter of one service's DomainError class: the status from the class's own exhaustive
 * mapping (`transports.httpStatus`), the body in the platform's JSON error shape (AllExceptionsFilter,
 * which stays the last line for everything else).
 */
export function domainErrorFilter<E extends DomainError>(errorClass: abstract new (...args: never[]) => E, options: DomainErrorFilterOptions<E> = {}): Type<ExceptionFilter<E>> {
  @Catch(errorClass)
  class DomainErrorFilter implements ExceptionFilter<E> {
    private readonly shape = new AllExceptionsFilter();

    catch(error: E, host: ArgumentsHost): void {
      const headers = options.headers?.(error, new Date()) ?? {};
      const response = host.switchToHttp().getResponse<Response>();
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      this.shape.catch(new HttpException(error.message, error.transports.httpStatus(error.code)), host);
    }
  }
  Object.defineProperty(DomainErrorFilter, 'name', { value: `${errorClass.name}Filter` });
  return DomainErrorFilter;
}
