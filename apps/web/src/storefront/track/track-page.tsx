import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, Copy, Wifi, WifiOff } from 'lucide-react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatDateTime, formatTime } from '../../shared/format/datetime';
import { formatMoney } from '../../shared/format/money';
import { useSession } from '../../shared/session/session';
import { useStoreTimeZone } from '../../shared/store';
import { Button, Dialog, Empty, ErrorState, FormError, Loading } from '../../shared/ui';
import { RegisterForm } from '../account/auth-forms';
import { authHeader, useOrder, type Order } from '../checkout/orders-api';
import { PaymentSection } from '../checkout/payment-section';
import { ReviewDialog } from './review-dialog';
import { STEPS, canCancel, progressOf, statusLabel } from './order-steps';
import { useOrderStream, type StreamState } from './use-order-stream';

function linkTokenFrom(hash: string): string | null {
  const t = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return t && t.length > 0 ? t : null;
}

/** `/track/:orderId` (or `#t=<order link token>` for a guest): live status and what can be done. */
export function TrackPage() {
  const { orderId = '' } = useParams();
  const location = useLocation();
  const linkToken = linkTokenFrom(location.hash);
  const session = useSession();
  const ready = linkToken !== null || session.status !== 'restoring';
  const canAsk = linkToken !== null || session.status === 'signed-in';
  const order = useOrder(orderId, linkToken, { enabled: ready && canAsk });
  const stream = useOrderStream(orderId, linkToken, ready && canAsk && Boolean(order.data));
  const timeZone = useStoreTimeZone();

  if (!ready || (canAsk && order.isPending)) return <Loading label="Loading your order…" />;
  if (!canAsk) {
    return (
      <Empty title="Sign in to follow this order.">
        <Link to="/account" className="font-medium text-orange-800 underline">
          Sign in
        </Link>
      </Empty>
    );
  }
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) {
    return (
      <Empty title="We could not find this order.">
        It may belong to another account, or the tracking link has expired.{' '}
        <Link to="/orders" className="font-medium text-orange-800 underline">
          Your orders
        </Link>
      </Empty>
    );
  }

  const o = order.data;
  const owner = linkToken === null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Order {o.id.slice(0, 8).toUpperCase()}</h1>
        <LiveIndicator state={stream} />
      </div>
      <p className="text-stone-700">
        Placed {formatDateTime(o.createdAt, timeZone)} · {o.fulfillment.type === 'delivery' ? 'Delivery' : 'Pickup'} · {formatMoney(o.total)}
      </p>
      <ReadyEstimate order={o} timeZone={timeZone} />
      <Progress order={o} />
      {owner && (o.status === 'PENDING' || o.status === 'AWAITING_PAYMENT') && (
        <PaymentSection orderId={o.id} status={o.status} total={o.total} onPaid={() => void order.refetch()} />
      )}
      <CancelOrder order={o} linkToken={linkToken} />
      <OrderLines order={o} />
      {o.status === 'COMPLETED' && <Reviews order={o} />}
      {(session.isGuest || linkToken) && <GuestTools orderId={o.id} linkToken={linkToken} />}
      <History order={o} timeZone={timeZone} />
    </div>
  );
}

/**
 * The kitchen's estimate, moving as staff move tickets. A polite live region that is always in the page (a region
 * that appears with its first text is not announced), so a screen reader hears each new time.
 */
function ReadyEstimate({ order, timeZone }: { order: Order; timeZone: string }) {
  const shown = order.estimatedReadyAt && (order.status === 'CONFIRMED' || order.status === 'PREPARING') ? order.estimatedReadyAt : null;
  return (
    <p role="status" aria-label="Estimated ready time" aria-atomic="true" className="text-lg font-medium empty:hidden">
      {shown && (
        <>
          Ready around <time dateTime={shown}>{formatTime(shown, timeZone)}</time>
        </>
      )}
    </p>
  );
}

function LiveIndicator({ state }: { state: StreamState }) {
  const text = state === 'live' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  return (
    <p
      role="status"
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-semibold ${state === 'live' ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-900'}`}
    >
      {state === 'live' ? <Wifi aria-hidden="true" className="h-4 w-4" /> : <WifiOff aria-hidden="true" className="h-4 w-4" />}
      {text}
    </p>
  );
}

function Progress({ order }: { order: Order }) {
  const { index, ended } = progressOf(order.status);
  const last = order.history[order.history.length - 1];
  if (ended) {
    const title = ended === 'cancelled' ? 'Cancelled' : ended === 'rejected' ? 'Rejected' : 'Being checked by staff';
    return (
      <section aria-labelledby="progress-heading" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-950">
        <h2 id="progress-heading" className="text-lg font-semibold">
          {title}
        </h2>
        {last?.reason && <p className="mt-1">{last.reason}</p>}
        {ended === 'rejected' && <p className="mt-1">You were not charged, or the payment is refunded.</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="progress-heading" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="progress-heading" className="mb-3 text-lg font-semibold">
        {statusLabel(order.status)}
      </h2>
      <ol className="grid grid-cols-5 gap-1" aria-label="Order progress">
        {STEPS.map((step, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : 'upcoming';
          return (
            <li key={step.key} aria-current={state === 'current' ? 'step' : undefined} className="flex flex-col items-center gap-1 text-center">
              <span
                aria-hidden="true"
                className={`flex h-8 w-8 items-center justify-center rounded-full border-2 ${state === 'done' ? 'border-green-600 bg-green-600 text-white' : state === 'current' ? 'border-orange-600 bg-orange-50 text-orange-800' : 'border-stone-300 text-stone-400'}`}
              >
                {state === 'done' ? <Check className="h-4 w-4" /> : i + 1}
              </span>
              <span className={`text-xs sm:text-sm ${state === 'upcoming' ? 'text-stone-500' : 'font-medium'}`}>
                {step.label}
                <span className="sr-only">{state === 'done' ? ' (done)' : state === 'current' ? ' (current)' : ''}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function CancelOrder({ order, linkToken }: { order: Order; linkToken: string | null }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/orders/{id}/cancel', { params: { path: { id: order.id } }, body: {}, ...authHeader(linkToken) })),
    onSuccess: (updated) => {
      queryClient.setQueryData(['order', order.id, linkToken], updated);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      setOpen(false);
    },
  });
  if (!canCancel(order.status)) return null;
  return (
    <div>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Cancel order
      </Button>
      <FormError>{cancel.isError && !open ? errorMessage(cancel.error) : null}</FormError>
      <Dialog open={open} onOpenChange={setOpen} title="Cancel this order?" description="If you already paid, the payment is refunded.">
        <FormError>{cancel.isError ? errorMessage(cancel.error) : null}</FormError>
        <div className="mt-3 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Keep order
          </Button>
          <Button variant="danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel order'}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

function OrderLines({ order }: { order: Order }) {
  return (
    <section aria-labelledby="lines-heading" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="lines-heading" className="mb-2 text-lg font-semibold">
        What you ordered
      </h2>
      <ul className="space-y-1">
        {order.lines.map((l, i) => (
          <li key={`${l.productId}-${i}`} className="flex justify-between gap-2">
            <span>
              {l.quantity} × {l.name}
              {l.modifiers.length > 0 && <span className="block text-sm text-stone-600">{l.modifiers.map((m) => m.name).join(', ')}</span>}
            </span>
            <span>{formatMoney(l.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex justify-between border-t border-stone-200 pt-2 font-semibold">
        <span>Total</span>
        <span>{formatMoney(order.total)}</span>
      </p>
      {order.fulfillment.address && (
        <p className="mt-2 text-sm text-stone-700">
          Delivering to {order.fulfillment.address.line1}, {order.fulfillment.address.postalCode} {order.fulfillment.address.city}
        </p>
      )}
    </section>
  );
}

function Reviews({ order }: { order: Order }) {
  const [productId, setProductId] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const products = [...new Map(order.lines.map((l) => [l.productId, l.name])).entries()];
  const current = products.find(([id]) => id === productId);
  return (
    <section aria-labelledby="review-heading" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="review-heading" className="mb-2 text-lg font-semibold">
        How was it?
      </h2>
      <ul className="space-y-2">
        {products.map(([id, name]) => (
          <li key={id} className="flex flex-wrap items-center justify-between gap-2">
            <span>{name}</span>
            {done.includes(id) ? (
              <span className="text-sm font-medium text-green-800">Thanks for your review</span>
            ) : (
              <Button size="sm" variant="secondary" aria-label={`Write a review of ${name}`} onClick={() => setProductId(id)}>
                Write a review
              </Button>
            )}
          </li>
        ))}
      </ul>
      {current && (
        <ReviewDialog
          productId={current[0]}
          productName={current[1]}
          open
          onOpenChange={(o) => !o && setProductId(null)}
          onDone={() => {
            setDone((d) => [...d, current[0]]);
            setProductId(null);
          }}
        />
      )}
    </section>
  );
}

/** A guest's way back to the order (a link to copy) and an offer to keep the account. */
function GuestTools({ orderId, linkToken }: { orderId: string; linkToken: string | null }) {
  const session = useSession();
  const timeZone = useStoreTimeZone();
  const [copied, setCopied] = useState(false);
  const link = useQuery({
    queryKey: ['order-link', orderId],
    enabled: linkToken === null,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => unwrap(await api.POST('/api/auth/order-links', { body: { orderId } })),
  });
  const token = linkToken ?? link.data?.token ?? null;
  const url = token ? `${window.location.origin}/track/${orderId}#t=${encodeURIComponent(token)}` : null;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section aria-labelledby="guest-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="guest-heading" className="text-lg font-semibold">
        Keep track of this order
      </h2>
      {url ? (
        <div className="space-y-2">
          <label htmlFor="tracking-link" className="block text-sm font-medium">
            Tracking link (bookmark or copy it)
          </label>
          <div className="flex gap-2">
            <input id="tracking-link" readOnly value={url} onFocus={(e) => e.target.select()} className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 text-sm" />
            <Button variant="secondary" onClick={() => void copy()}>
              <Copy aria-hidden="true" className="h-4 w-4" /> {copied ? 'Copied' : 'Copy link'}
            </Button>
          </div>
          {link.data?.expiresAt && <p className="text-sm text-stone-600">The link works until {formatDateTime(link.data.expiresAt, timeZone)}.</p>}
        </div>
      ) : link.isPending && linkToken === null ? (
        <Loading label="Making your tracking link…" />
      ) : (
        <p className="text-sm text-stone-700">Keep this page open to follow your order.</p>
      )}
      {session.isGuest && (
        <details className="rounded-lg border border-stone-200 p-3">
          <summary className="cursor-pointer font-medium">Save your details as an account</summary>
          <p className="my-2 text-sm text-stone-700">Keep this order in your history and check out faster next time.</p>
          <RegisterForm upgrade />
        </details>
      )}
    </section>
  );
}

function History({ order, timeZone }: { order: Order; timeZone: string }) {
  return (
    <details className="rounded-xl border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">History</summary>
      <ol className="mt-2 space-y-1 text-sm">
        {order.history.map((h) => (
          <li key={h.sequence}>
            <span className="font-medium">{statusLabel(h.status)}</span> · {formatDateTime(h.at, timeZone)}
            {h.reason && <span className="text-stone-600"> · {h.reason}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
