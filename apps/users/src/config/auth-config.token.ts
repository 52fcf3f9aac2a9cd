/** Injection token of the users service's `AuthConfig` (tokens, passwords, rate limits, admin). */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
