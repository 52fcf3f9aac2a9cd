import { UsersErrorCode } from '../domain/users-error';
import { httpStatusOf } from './users-error.filter';

describe(httpStatusOf.name, () => {
  it.each([
    [UsersErrorCode.EmailTaken, 409],
    [UsersErrorCode.PasswordPolicy, 400],
    [UsersErrorCode.InvalidCredentials, 401],
    [UsersErrorCode.TooManyFailedLogins, 429],
    [UsersErrorCode.InvalidRefreshToken, 401],
    [UsersErrorCode.RefreshTokenReused, 401],
    [UsersErrorCode.AccountNotFound, 401],
    [UsersErrorCode.WrongCurrentPassword, 400],
    [UsersErrorCode.AddressNotFound, 404],
    [UsersErrorCode.AddressLimitReached, 409],
    [UsersErrorCode.InvalidCursor, 400],
    [UsersErrorCode.NotAGuest, 409],
    [UsersErrorCode.GuestHasNoPassword, 409],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('maps every code', () => {
    for (const code of Object.values(UsersErrorCode)) expect(() => httpStatusOf(code)).not.toThrow();
  });
});
