import type { components } from '../../api/schema';

type ApiErrorBody = components['schemas']['ErrorResponse'];

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value && 'statusCode' in value && typeof value.statusCode === 'number';
}

function isError(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && 'name' in value && 'message' in value && typeof value.message === 'string';
}

/** A sentence for people from whatever an API call failed with. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (isErrorBody(error) && typeof error.message === 'string' && error.message) {
    if (error.statusCode === 429) return 'Too many attempts. Please wait a moment and try again.';
    if (error.statusCode >= 500) return fallback;
    return error.message.charAt(0).toUpperCase() + error.message.slice(1);
  }
  // fetch rejects with a TypeError when the network fails (matched by name: realms differ in tests).
  if (isError(error) && error.name === 'TypeError') return 'Cannot reach the server. Check your connection and try again.';
  if (isError(error) && error.message) return error.message;
  return fallback;
}

/**
 * Splits a 400's `details` (class-validator sentences such as "email must be an email") by the
 * field they start with, so each message is shown next to its field. Nested paths
 * ("fulfillment.address.city ...") are keyed by their last segment.
 */
export function fieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isErrorBody(error)) return out;
  const sentences = error.details ?? error.message.split('; ');
  for (const sentence of sentences) {
    const first = sentence.split(' ')[0] ?? '';
    const key = first.split('.').pop() ?? '';
    if (fields.includes(key) && !out[key]) {
      out[key] = sentence.charAt(0).toUpperCase() + sentence.slice(1);
    }
  }
  return out;
}

/** Throws the error body so TanStack Query sees a failure; used by query functions. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw result.error ?? { statusCode: result.response.status, error: 'Error', message: 'Unexpected response', requestId: '' };
  }
  return result.data;
}
