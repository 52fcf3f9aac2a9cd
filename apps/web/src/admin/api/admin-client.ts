/**
 * The dashboard's view of the generated client: the same gateway, in-memory token and silent
 * refresh as the storefront's (`api`), and names for the admin shapes it uses. Every type comes
 * from src/api/schema.d.ts (regenerate it, never copy a shape here).
 */
import type { components } from '../../api/schema';
import { api } from '../../shared/api/client';

type Schemas = components['schemas'];

export type OrderStatus = Schemas['OrderResponse']['status'];
export type OrderLine = Schemas['OrderLineResponse'];
export type AdminOrder = Schemas['OrderResponse'];
export type OrderSummary = Schemas['OrderSummaryResponse'];
export type DaySummary = Schemas['DashboardSummaryResponse'];
export type StoreSettings = Schemas['StoreSettingsDto'];
export type DeadLetter = Schemas['DeadLetterResponse'];
export type RefundRequest = Schemas['RefundRequestBody'];
export type OrderPayment = Schemas['PaymentResponse'];
export type PaymentLine = Schemas['PaymentLineResponse'];
export type Product = Schemas['ProductResponse'];

export const adminApi = api;

/** Services whose consumers keep dead letters the dashboard can list and replay. */
export const DEAD_LETTER_SERVICES = ['orders', 'payments'] as const;
export type DeadLetterService = (typeof DEAD_LETTER_SERVICES)[number];

export async function listDeadLetters(service: DeadLetterService) {
  return service === 'orders' ? adminApi.GET('/api/admin/dead-letters/orders') : adminApi.GET('/api/admin/dead-letters/payments');
}

export async function replayDeadLetters(service: DeadLetterService, id?: string) {
  const body = id ? { id } : {};
  return service === 'orders'
    ? adminApi.POST('/api/admin/dead-letters/orders/replay', { body })
    : adminApi.POST('/api/admin/dead-letters/payments/replay', { body });
}

export type { Schemas };
