import { RefundStatus } from './payment-status';

/** A refund as the provider reports it, in Galley's terms. */
export interface ObservedRefund {
  id: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  /** Our refund row id, when Galley asked for the refund (sent as metadata). */
  galleyRefundId: string | null;
  reason: string | null;
  failureReason: string | null;
}

/** What a verified provider event means for Galley. */
export type ProviderObservation =
  | { kind: 'intent_succeeded'; intentId: string; orderId: string | null; amountReceived: number; currency: string; chargeId: string | null }
  | { kind: 'intent_failed'; intentId: string; orderId: string | null; reason: string }
  | { kind: 'refunds'; intentId: string | null; chargeId: string | null; refunds: ObservedRefund[] | null }
  | { kind: 'dispute'; intentId: string | null; chargeId: string | null; disputeId: string; amount: number; currency: string; reason: string }
  | { kind: 'ignored'; why: string };

/** The envelope of a provider event: enough to record it once. */
export interface ProviderEventHead {
  id: string;
  type: string;
  object: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const integer = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null);
/** An expandable Stripe field: an id, or the expanded object with its id. */
const idOf = (value: unknown): string | null => text(value) ?? (isObject(value) ? text(value.id) : null);

/** The event's id, type and object, or a problem when the body is not a provider event. */
export function readEventHead(body: unknown): { ok: true; head: ProviderEventHead } | { ok: false; problem: string } {
  if (!isObject(body) || body.object !== 'event') return { ok: false, problem: 'the body is not an event' };
  const id = text(body.id);
  const type = text(body.type);
  if (!id || id.length > 255) return { ok: false, problem: 'the event has no id' };
  if (!type || type.length > 255) return { ok: false, problem: 'the event has no type' };
  if (!isObject(body.data) || !isObject(body.data.object)) return { ok: false, problem: 'the event has no data.object' };
  return { ok: true, head: { id, type, object: body.data.object } };
}

/** Reads the handled event types; anything else (or an object missing what Galley needs) is ignored. */
export function observe(head: ProviderEventHead): ProviderObservation {
  const object = head.object;
  switch (head.type) {
    case 'payment_intent.succeeded': {
      const intentId = text(object.id);
      const amountReceived = integer(object.amount_received) ?? integer(object.amount);
      const currency = text(object.currency);
      if (!intentId || amountReceived === null || !currency) return { kind: 'ignored', why: 'payment intent without id, amount or currency' };
      return { kind: 'intent_succeeded', intentId, orderId: orderIdOf(object), amountReceived, currency: currency.toUpperCase(), chargeId: idOf(object.latest_charge) };
    }
    case 'payment_intent.payment_failed': {
      const intentId = text(object.id);
      if (!intentId) return { kind: 'ignored', why: 'payment intent without id' };
      return { kind: 'intent_failed', intentId, orderId: orderIdOf(object), reason: failureReasonOf(object.last_payment_error) };
    }
    case 'charge.refunded': {
      const refunds = isObject(object.refunds) && Array.isArray(object.refunds.data) ? object.refunds.data.map(readRefund) : null;
      return {
        kind: 'refunds',
        intentId: idOf(object.payment_intent),
        chargeId: text(object.id),
        refunds: refunds && refunds.every((r): r is ObservedRefund => r !== null) ? refunds : null,
      };
    }
    case 'charge.refund.updated':
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed': {
      const refund = readRefund(object);
      if (!refund) return { kind: 'ignored', why: 'refund without id, amount, currency or status' };
      return { kind: 'refunds', intentId: idOf(object.payment_intent), chargeId: idOf(object.charge), refunds: [refund] };
    }
    case 'charge.dispute.created': {
      const disputeId = text(object.id);
      const amount = integer(object.amount);
      const currency = text(object.currency);
      if (!disputeId || amount === null || !currency) return { kind: 'ignored', why: 'dispute without id, amount or currency' };
      return {
        kind: 'dispute',
        intentId: idOf(object.payment_intent),
        chargeId: idOf(object.charge),
        disputeId,
        amount,
        currency: currency.toUpperCase(),
        reason: (text(object.reason) ?? 'unspecified').slice(0, 500),
      };
    }
    default:
      return { kind: 'ignored', why: `event type ${head.type} is not handled` };
  }
}

function orderIdOf(object: Json): string | null {
  return isObject(object.metadata) ? text(object.metadata.orderId) : null;
}

function failureReasonOf(error: unknown): string {
  if (!isObject(error)) return 'payment_failed';
  return (text(error.decline_code) ?? text(error.code) ?? text(error.message) ?? 'payment_failed').slice(0, 500);
}

/** Stripe refund statuses: `pending`/`requires_action` are under way, `canceled` counts as failed. */
const REFUND_STATUS: Readonly<Record<string, RefundStatus>> = {
  pending: 'pending',
  requires_action: 'pending',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'failed',
};

export function readRefund(value: unknown): ObservedRefund | null {
  if (!isObject(value)) return null;
  const id = text(value.id);
  const amount = integer(value.amount);
  const currency = text(value.currency);
  const status = REFUND_STATUS[text(value.status) ?? ''];
  if (!id || amount === null || !currency || !status) return null;
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return {
    id,
    amount,
    currency: currency.toUpperCase(),
    status,
    galleyRefundId: text(metadata.galleyRefundId),
    reason: (text(metadata.reason) ?? text(value.reason))?.slice(0, 500) ?? null,
    failureReason: text(value.failure_reason)?.slice(0, 500) ?? null,
  };
}
