/**
 * Operations another engineer is adding to the gateway (payments config), written in the
 * generated `paths` format so the client stays typed until the merged OpenAPI document carries
 * them. `ApiPaths` prefers the generated entry as soon as src/api/schema.d.ts has the path,
 * so an entry here is dead weight after `npm run docs:openapi` and should then be deleted.
 */
import type { components, paths } from '../../api/schema';

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type GetOp<Res> = {
  parameters: NoParams;
  requestBody?: never;
  responses: { 200: Json<Res>; 404: Json<components['schemas']['ErrorResponse']> };
};

export type PaymentsConfig = { provider: 'stripe' | 'simulated'; publishableKey: string | null };

type Pending = {
  '/api/payments/config': { parameters: NoParams; get: GetOp<PaymentsConfig> };
};

export type ApiPaths = paths & { [K in Exclude<keyof Pending, keyof paths>]: Pending[K] };

export type StoreInfo = components['schemas']['PublicStoreDto'];
export type Weekday = keyof StoreInfo['openingHours'];
export type Me = components['schemas']['UserResponse'];
export type SessionTokens = components['schemas']['TokenResponse'];
