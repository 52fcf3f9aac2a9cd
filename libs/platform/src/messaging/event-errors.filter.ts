import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error to Galley's event consumer as it was thrown. Nest's default RPC filter replaces every
 * error that is not an RpcException by `{ status: 'error', message: 'Internal server error' }`, which would erase
 * what the consumer decides on (isPermanentEventFailure): a PermanentEventError, or a domain error its service maps
 * to dead-letter, is dead-lettered at once with its message as the reason; anything else is retried with backoff. `@HandlesEvent` binds it to every handler.
 */
@Catch()
export class EventErrorPassThrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
