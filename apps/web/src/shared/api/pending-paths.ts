/**
 * Operations that other engineers are adding to the gateway right now (store info, payments
 * config, cookie-based refresh, guest accounts, order links, availability stream). They are
 * written here in the generated `paths` format so the client stays typed until the merged
 * OpenAPI document carries them. When `npm run docs:openapi` regenerates src/api/schema.d.ts
 * with an operation, delete its entry here: `ApiPaths` prefers the generated one for every
 * path not listed in `OVERRIDDEN` below.
 */
import type { components, paths } from '../../api/schema';

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ErrorBody = Json<components['schemas']['ErrorResponse']>;
type Op<Body, Res, Status extends number = 200> = {
  parameters: NoParams;
  requestBody: [Body] extends [never] ? never : { content: { 'application/json': Body } };
  responses: { [S in Status]: Json<Res> } & { 400: ErrorBody; 401: ErrorBody; 404: ErrorBody; 409: ErrorBody };
};
type GetOp<Res> = {
  parameters: NoParams;
  requestBody?: never;
  responses: { 200: Json<Res>; 404: ErrorBody };
};

export type OpeningInterval = { open: string; close: string };
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type StoreInfo = {
  name: string;
  description: string;
  currency: string;
  timeZone: string;
  openingHours: Record<Weekday, OpeningInterval[]>;
  openNow: boolean;
  nextChangeAt: string | null;
  acceptingOrders?: boolean;
  pausedUntil?: string | null;
};
export type PaymentsConfig = { provider: 'stripe' | 'simulated'; publishableKey: string | null };
/** `refreshToken` is only present when the server does not (yet) set the httpOnly cookie. */
export type SessionTokens = { accessToken: string; expiresIn: number; refreshToken?: string };
export type Me = components['schemas']['UserResponse'] & { guest?: boolean };
export type OrderLink = { token: string; expiresAt: string };

type Pending = {
  '/api/store': { get: GetOp<StoreInfo> };
  '/api/payments/config': { get: GetOp<PaymentsConfig> };
  '/api/auth/login': { post: Op<{ email: string; password: string; cookie?: boolean }, SessionTokens> };
  '/api/auth/refresh': { post: Op<{ cookie?: boolean; refreshToken?: string }, SessionTokens> };
  '/api/auth/logout': { post: Op<{ refreshToken?: string }, unknown, 204> };
  '/api/auth/guest': { post: Op<{ name?: string; email?: string; cookie?: boolean }, SessionTokens, 201> };
  '/api/auth/order-links': { post: Op<{ orderId: string }, OrderLink, 200 | 201> };
  '/api/users/me/upgrade': { post: Op<{ email: string; password: string; name: string }, Me, 200 | 201> };
};

/** Paths whose generated shape is older than what this client sends (cookie sessions). */
type OVERRIDDEN = '/api/auth/login' | '/api/auth/refresh' | '/api/auth/logout';

type Generated<K> = K extends keyof paths ? paths[K] : never;
export type ApiPaths = Omit<paths, OVERRIDDEN> & {
  [K in keyof Pending]: K extends OVERRIDDEN
    ? Omit<Generated<K>, keyof Pending[K]> & Pending[K]
    : K extends keyof paths
      ? paths[K]
      : Pending[K];
};
