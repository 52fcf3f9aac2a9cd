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

export class UsersError extends Error {
  constructor(
    readonly code: UsersErrorCode,
    message: string,
    /** Seconds until the refused action may be tried again (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'UsersError';
  }
}
