import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { AllExceptionsFilter } from '@galley/platform';
import { UsersError, UsersErrorCode } from '../domain/users-error';

/** The HTTP status of each users error: one exhaustive switch, so a new code cannot go unmapped. */
export function httpStatusOf(code: UsersErrorCode): HttpStatus {
  switch (code) {
    case UsersErrorCode.PasswordPolicy:
    case UsersErrorCode.WrongCurrentPassword:
    case UsersErrorCode.InvalidCursor:
      return HttpStatus.BAD_REQUEST;
    case UsersErrorCode.InvalidCredentials:
    case UsersErrorCode.InvalidRefreshToken:
    case UsersErrorCode.RefreshTokenReused:
    case UsersErrorCode.AccountNotFound:
      return HttpStatus.UNAUTHORIZED;
    case UsersErrorCode.AddressNotFound:
      return HttpStatus.NOT_FOUND;
    case UsersErrorCode.EmailTaken:
    case UsersErrorCode.AddressLimitReached:
    case UsersErrorCode.NotAGuest:
    case UsersErrorCode.GuestHasNoPassword:
      return HttpStatus.CONFLICT;
    case UsersErrorCode.TooManyFailedLogins:
      return HttpStatus.TOO_MANY_REQUESTS;
    default:
      return unmapped(code);
  }
}

function unmapped(code: never): never {
  throw new Error(`UsersErrorCode ${String(code)} has no HTTP status`);
}

/** Answers a UsersError in the platform's JSON error shape (with Retry-After for rate limits). */
@Catch(UsersError)
export class UsersErrorFilter implements ExceptionFilter {
  private readonly shape = new AllExceptionsFilter();

  catch(error: UsersError, host: ArgumentsHost): void {
    if (error.retryAfterSeconds !== undefined) {
      host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    this.shape.catch(new HttpException(error.message, httpStatusOf(error.code)), host);
  }
}
