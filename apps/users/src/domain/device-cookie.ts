import { createHash, randomBytes } from 'node:crypto';

/**
 * The device marker: a random token in an httpOnly cookie that a browser gets when it signs in,
 * sent back only to the login route. The server keeps its SHA-256 per account; a client holding
 * it signed in to that account before, so failures made by other clients never slow it down.
 */
export const DEVICE_COOKIE_NAME = 'galley_device';
export const DEVICE_COOKIE_PATH = '/api/auth/login';
/** A year: browsers cap cookie lifetimes at 400 days. */
export const DEVICE_TTL_SECONDS = 365 * 24 * 3600;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a cookie value has the shape of a device token (anything else is ignored). */
export function isDeviceToken(value: string | undefined): value is string {
  return !!value && TOKEN.test(value);
}

export function deviceTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The `Set-Cookie` value that keeps the device token for a year. */
export function deviceCookie(token: string): string {
  if (!isDeviceToken(token)) throw new Error('a device token is 32 bytes of base64url');
  return `${DEVICE_COOKIE_NAME}=${token}; HttpOnly; Secure; SameSite=Strict; Path=${DEVICE_COOKIE_PATH}; Max-Age=${DEVICE_TTL_SECONDS}`;
}
