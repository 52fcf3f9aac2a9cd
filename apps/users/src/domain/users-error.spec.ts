import { eventOutcomeOf } from '@galley/errors';
import { UsersErrorCode, UsersError, usersErrorTransports } from './users-error';

describe(`${UsersError.name} by transport`, () => {
  const sut = usersErrorTransports;

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
    expect(sut.httpStatus(code)).toBe(status);
  });

  it('maps every code to an HTTP status', () => {
    for (const code of Object.values(UsersErrorCode)) expect(() => sut.httpStatus(code)).not.toThrow();
  });

  const RETRIED: readonly UsersErrorCode[] = [UsersErrorCode.TooManyFailedLogins];

  it.each(Object.values(UsersErrorCode))('decides for %s whether an event handler retries or dead-letters', (code) => {
    expect(sut.event(code)).toBe(RETRIED.includes(code) ? 'retry' : 'dead-letter');
  });

  it('is what a consumer reads from a thrown UsersError', () => {
    const error = new UsersError(UsersErrorCode.EmailTaken, 'refused');
    expect(error).toMatchObject({ name: 'UsersError', code: UsersErrorCode.EmailTaken, message: 'refused' });
    expect(eventOutcomeOf(error)).toBe(sut.event(UsersErrorCode.EmailTaken));
    expect(Object.keys(error)).not.toContain('transports');
  });
});
