/** The HTTP statuses domain errors are mapped to, without a framework import in domain code. */
export const HttpStatusCode = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  PayloadTooLarge: 413,
  UnprocessableEntity: 422,
  TooManyRequests: 429,
  BadGateway: 502,
  ServiceUnavailable: 503,
} as const;
