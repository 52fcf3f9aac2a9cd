import { domainErrorFilter } from '@galley/platform';
import { UsersError } from '../domain/users-error';

/** Answers a UsersError in the platform's JSON error shape (with Retry-After for rate limits). */
export const UsersErrorFilter = domainErrorFilter(UsersError, {
  headers: (error) => (error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined),
});
