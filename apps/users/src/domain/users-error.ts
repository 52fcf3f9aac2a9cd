import { DomainError, ErrorTransports, HttpStatusCode, unmappedCode } from '@galley/errors';

/** Everything a users use case can refuse, independent of the transport that reports it. */
export enum UsersErrorCode {
  EmailTaken = 'EMAIL_TAKEN',
  PasswordPolicy = 'PASSWORD_POLICY',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  TooManyFailedLogins = 'TOO_MANY_FAILED_LOGINS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
  WrongCurrentPassword = 'WRONG_CURRENT_PASSWORD',
  AddressNotFound = 'ADDRESS_NOT_FOUND',
  AddressLimitReached = 'ADDRESS_LIMIT_REACHED',
  InvalidCursor = 'INVALID_CURSOR',
  /** Upgrading an account that is already a full one. */
  NotAGuest = 'NOT_A_GUEST',
  /** A password operation on a guest account, which has none. */
  GuestHasNoPassword = 'GUEST_HAS_NO_PASSWORD',
}

/** Each code by transport: one exhaustive switch each (users consumes no events today; the switch decides for the first). */
export const usersErrorTransports: ErrorTransports<UsersErrorCode> = {
  httpStatus(code) {
    switch (code) {
      case UsersErrorCode.PasswordPolicy:
      case UsersErrorCode.WrongCurrentPassword:
      case UsersErrorCode.InvalidCursor:
        return HttpStatusCode.BadRequest;
      case UsersErrorCode.InvalidCredentials:
      case UsersErrorCode.InvalidRefreshToken:
      case UsersErrorCode.RefreshTokenReused:
      case UsersErrorCode.AccountNotFound:
        return HttpStatusCode.Unauthorized;
      case UsersErrorCode.AddressNotFound:
        return HttpStatusCode.NotFound;
      case UsersErrorCode.EmailTaken:
      case UsersErrorCode.AddressLimitReached:
      case UsersErrorCode.NotAGuest:
      case UsersErrorCode.GuestHasNoPassword:
        return HttpStatusCode.Conflict;
      case UsersErrorCode.TooManyFailedLogins:
        return HttpStatusCode.TooManyRequests;
      default:
        return unmappedCode(code, 'HTTP');
    }
  },
  event(code) {
    switch (code) {
      case UsersErrorCode.EmailTaken:
      case UsersErrorCode.PasswordPolicy:
      case UsersErrorCode.InvalidCredentials:
      case UsersErrorCode.InvalidRefreshToken:
      case UsersErrorCode.RefreshTokenReused:
      case UsersErrorCode.AccountNotFound:
      case UsersErrorCode.WrongCurrentPassword:
      case UsersErrorCode.AddressNotFound:
      case UsersErrorCode.AddressLimitReached:
      case UsersErrorCode.InvalidCursor:
      case UsersErrorCode.NotAGuest:
      case UsersErrorCode.GuestHasNoPassword:
        return 'dead-letter';
      // A rate limit lifts with time.
      case UsersErrorCode.TooManyFailedLogins:
        return 'retry';
      default:
        return unmappedCode(code, 'event');
    }
  },
};

export class UsersError extends DomainError<UsersErrorCode> {
  constructor(
    code: UsersErrorCode,
    message: string,
    /** Seconds until the refused action may be tried again (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }

  get transports(): ErrorTransports<UsersErrorCode> {
    return usersErrorTransports;
  }
}
