/**
 * The dashboard's typed client: the generated paths plus the admin operations backend engineers
 * are adding right now (written in the generated `paths` format). When `src/api/schema.d.ts` is
 * regenerated with one of them, delete its entry in `AdminPending`: generated paths win for every
 * key not listed there.
 */
import createClient from 'openapi-fetch';
import type { components } from '../../api/schema';
import { authMiddleware } from '../../shared/api/client';
import type { ApiPaths } from '../../shared/api/pending-paths';

type Schemas = components['schemas'];
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ErrorBody = Json<Schemas['ErrorResponse']>;
type Errors = { 400: ErrorBody; 401: ErrorBody; 403: ErrorBody; 404: ErrorBody; 409: ErrorBody };
type Params<Path = never, Query = never> = {
  query?: [Query] extends [never] ? never : Query;
  header?: never;
  path: [Path] extends [never] ? never : Path;
  cookie?: never;
};
type Op<P, Body, Res, Status extends number = 200> = {
  parameters: P;
  responses: { [S in Status]: Json<Res> } & Errors;
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });
type IdPath = Params<{ id: string }>;

export type OrderStatus = Schemas['OrderResponse']['status'];
export type OrderLine = Schemas['OrderLineResponse'] & { lineId?: string; refundedQuantity?: number };
export type AdminOrder = Omit<Schemas['OrderResponse'], 'lines'> & {
  lines: OrderLine[];
  estimatedReadyAt?: string | null;
  attentionReason?: string | null;
};
export type OrderSummary = Schemas['OrderSummaryResponse'] & { estimatedReadyAt?: string | null };

export type DaySummary = {
  date: string;
  orders: number;
  revenue: Schemas['MoneyResponse'];
  averageConfirmedToReadySeconds: number | null;
  topItems: { productId: string; name: string; quantity: number }[];
  byHour: { hour: number; orders: number; revenue?: Schemas['MoneyResponse'] }[];
};

export type StoreSettings = Schemas['StoreSettingsDto'];

export type DeadLetter = {
  id: string;
  topic?: string;
  eventType?: string;
  reason?: string;
  error?: string;
  failedAt?: string;
  at?: string;
  orderId?: string | null;
  attempts?: number;
  payload?: unknown;
};
export type DeadLetterList = { items: DeadLetter[] };

export type RefundRequest = {
  amount?: number;
  reason: string;
  lines?: { lineId: string; quantity: number }[];
};

type AdminPending = {
  '/api/admin/orders/summary': {
    get: Op<Params<never, { date?: string }> & { path?: never }, never, DaySummary>;
  };
  '/api/admin/orders/{id}': { get: Op<IdPath, never, AdminOrder> };
  '/api/admin/orders': {
    get: Op<
      { query?: { status?: OrderStatus; limit?: number; cursor?: string; q?: string }; header?: never; path?: never; cookie?: never },
      never,
      { items: OrderSummary[]; nextCursor: string | null }
    >;
  };
  '/api/admin/orders/{id}/refund': {
    post: {
      parameters: { query?: never; header?: { 'Idempotency-Key'?: string }; path: { id: string }; cookie?: never };
      requestBody: { content: { 'application/json': RefundRequest } };
      responses: { 201: Json<Schemas['RefundResponse']>; 202: Json<Schemas['RefundResponse']> } & Errors & {
        422: ErrorBody;
        502: ErrorBody;
        503: ErrorBody;
      };
    };
  };
  '/api/admin/dead-letters/{service}': {
    get: Op<Params<{ service: string }>, never, DeadLetterList>;
  };
  '/api/admin/dead-letters/{service}/replay': {
    post: Op<Params<{ service: string }>, { id?: string }, { replayed: number } & Record<string, unknown>, 200 | 201>;
  };
};

export type Product = Schemas['ProductResponse'];

export type AdminPaths = Omit<ApiPaths, keyof AdminPending> & AdminPending;

const baseUrl = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';

/** Same gateway, same in-memory token and silent refresh as the storefront's client. */
export const adminApi = createClient<AdminPaths>({ baseUrl });
adminApi.use(authMiddleware);

export type { Schemas };
