import type { Request } from 'express';
import { DEVICE_COOKIE_NAME } from '../domain/device-cookie';
import { cookieValue } from '../domain/refresh-cookie';
import { LoginClient } from '../services/login-attempts.service';

/** The client of a login: its address (`req.ip`, see TrustProxySetting) and its device marker cookie. */
export function loginClientOf(req: Request): LoginClient {
  return { address: req.ip ?? req.socket.remoteAddress ?? '', deviceToken: cookieValue(req.headers.cookie, DEVICE_COOKIE_NAME) };
}
