import { useQueryClient } from '@tanstack/react-query';
import { RadioGroup } from 'radix-ui';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import { errorMessage, fieldErrors } from '../../shared/api/errors';
import { formatMoney } from '../../shared/format/money';
import { useSession } from '../../shared/session/session';
import { orderingState, useStoreInfo } from '../../shared/store';
import { Button, Empty, ErrorState, Field, FormError, Loading, TextAreaField } from '../../shared/ui';
import { AddressFields, EMPTY_ADDRESS, addressProblems, draftToAddress, type AddressDraft } from '../account/address-fields';
import { addressText, toDelivery, useAddresses, useCreateAddress, type DeliveryAddress } from '../account/addresses';
import { RegisterForm, SignInForm } from '../account/auth-forms';
import { canCheckout, cartTotals, lineTotal, orderLines, orderNote } from '../cart/cart';
import { useCart } from '../cart/cart-context';
import { useCartReview } from '../cart/use-cart-review';
import { storeStatusText } from '../store-status';
import { useOrder, type Order, type PlaceOrderRequest } from './orders-api';
import { useOrderStream } from '../track/use-order-stream';
import { PaymentSection } from './payment-section';

const NEW_ADDRESS = 'new';

/** `/checkout`: who, pickup or delivery, note, place the order; then pay (`?order=<id>`). */
export function CheckoutPage() {
  const [params] = useSearchParams();
  const orderId = params.get('order');
  return orderId ? <PayStep orderId={orderId} /> : <OrderStep />;
}

function OrderStep() {
  const cart = useCart();
  const session = useSession();
  const store = useStoreInfo();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reviews = useCartReview(cart.lines);
  const signedIn = session.status === 'signed-in';
  const fullAccount = signedIn && !session.isGuest;
  const addresses = useAddresses(fullAccount);
  const createAddress = useCreateAddress();

  const [type, setType] = useState<'pickup' | 'delivery'>('pickup');
  const [addressChoice, setAddressChoice] = useState<string>('');
  const [draft, setDraft] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [saveAddress, setSaveAddress] = useState(true);
  const [note, setNote] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [apiError, setApiError] = useState<unknown>(null);
  // One Idempotency-Key per checkout attempt: retries and double clicks of the same order reuse
  // it (one order); changing what is ordered starts a new attempt with a new key.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const inFlight = useRef(false);

  const saved = addresses.data ?? [];
  useEffect(() => {
    if (!addressChoice && saved.length > 0) setAddressChoice(saved[0]!.id);
  }, [addressChoice, saved]);
  const usingNew = !fullAccount || saved.length === 0 || addressChoice === NEW_ADDRESS;

  if (cart.lines.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Checkout</h1>
        <Empty title="Your cart is empty.">
          <Link to="/" className="font-medium text-orange-800 underline">
            Browse the menu
          </Link>
        </Empty>
      </div>
    );
  }

  const totals = cartTotals(cart.lines);
  const lineReviews = cart.lines.map((l) => reviews.get(l.key) ?? ({ kind: 'checking' } as const));
  const cartReady = canCheckout(lineReviews);
  const cartChecking = lineReviews.some((r) => r.kind === 'checking');
  const storeInfo = store.data;
  const ordering = storeInfo ? orderingState(storeInfo) : { open: true, paused: false };
  const status = storeInfo ? storeStatusText(storeInfo) : null;
  const localAddressErrors = type === 'delivery' && usingNew ? addressProblems(draft) : {};
  const serverFieldErrors = fieldErrors(apiError, ['line1', 'line2', 'city', 'postalCode', 'country', 'note']);
  const addressErrors = { ...serverFieldErrors, ...(showErrors ? localAddressErrors : {}) };

  const deliveryAddress = (): DeliveryAddress | undefined => {
    if (type !== 'delivery') return undefined;
    if (usingNew) return toDelivery({ ...draftToAddress(draft), line2: draft.line2.trim() || null });
    const chosen = saved.find((a) => a.id === addressChoice);
    return chosen ? toDelivery(chosen) : undefined;
  };

  const placeOrder = async () => {
    if (inFlight.current) return;
    setShowErrors(true);
    setApiError(null);
    if (!signedIn || !cartReady || !ordering.open) return;
    if (Object.keys(localAddressErrors).length > 0) return;
    const address = deliveryAddress();
    if (type === 'delivery' && !address) return;
    const orderNoteText = orderNote(note, cart.lines);
    const body: PlaceOrderRequest = {
      lines: orderLines(cart.lines),
      fulfillment: { type, ...(address ? { address } : {}) },
      ...(orderNoteText ? { note: orderNoteText } : {}),
    };
    const bodyText = JSON.stringify(body);
    if (!attempt.current || attempt.current.body !== bodyText) attempt.current = { key: crypto.randomUUID(), body: bodyText };
    inFlight.current = true;
    setSubmitting(true);
    try {
      const { data, error, response } = await api.POST('/api/orders', { body, headers: { 'Idempotency-Key': attempt.current.key } });
      if (error || !data) {
        setApiError(error ?? new Error('The order could not be placed.'));
        // A refusal because the store closed or paused meanwhile: show the store's state (and when it resumes) now.
        if (response.status === 422) void queryClient.invalidateQueries({ queryKey: ['store'] });
        return;
      }
      if (type === 'delivery' && usingNew && fullAccount && saveAddress) {
        createAddress.mutate(draftToAddress(draft));
      }
      queryClient.setQueryData(['order', data.id, null], data);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      cart.clear();
      attempt.current = null;
      void navigate(`/checkout?order=${data.id}`, { replace: false });
    } catch (err) {
      // A network failure: the same key is kept, so pressing again cannot make a second order.
      setApiError(err);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const placeBlocked = !signedIn || !cartReady || !ordering.open;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Checkout</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {storeInfo && !ordering.open && status && (
            <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
              <p className="font-semibold">{ordering.paused ? 'We are not taking orders right now.' : 'We are closed right now.'}</p>
              {status.detail && <p>{status.detail}. You can keep your cart and order then.</p>}
            </div>
          )}

          <WhoIsOrdering />

          <section aria-labelledby="fulfillment-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="fulfillment-heading" className="text-lg font-semibold">
              Pickup or delivery
            </h2>
            <RadioGroup.Root aria-labelledby="fulfillment-heading" value={type} onValueChange={(v) => setType(v === 'delivery' ? 'delivery' : 'pickup')} className="flex flex-wrap gap-3">
              {(['pickup', 'delivery'] as const).map((v) => (
                <label key={v} htmlFor={`fulfillment-${v}`} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 has-[[data-state=checked]]:border-orange-600 has-[[data-state=checked]]:bg-orange-50">
                  <RadioGroup.Item id={`fulfillment-${v}`} value={v} className="flex h-5 w-5 items-center justify-center rounded-full border border-stone-400 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-600">
                    <RadioGroup.Indicator className="h-2.5 w-2.5 rounded-full bg-orange-600" />
                  </RadioGroup.Item>
                  {v === 'pickup' ? 'Pickup' : 'Delivery'}
                </label>
              ))}
            </RadioGroup.Root>
            {type === 'delivery' && (
              <div className="space-y-3">
                {fullAccount && addresses.isPending && <Loading label="Loading your addresses…" />}
                {fullAccount && saved.length > 0 && (
                  <RadioGroup.Root aria-label="Delivery address" value={addressChoice} onValueChange={setAddressChoice} className="space-y-2">
                    {[...saved.map((a) => ({ id: a.id, label: `${a.label ? `${a.label}: ` : ''}${addressText(a)}` })), { id: NEW_ADDRESS, label: 'A new address' }].map((o) => (
                      <label key={o.id} htmlFor={`address-${o.id}`} className="flex min-h-11 cursor-pointer items-center gap-2">
                        <RadioGroup.Item id={`address-${o.id}`} value={o.id} className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full border border-stone-400 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-600">
                          <RadioGroup.Indicator className="h-2.5 w-2.5 rounded-full bg-orange-600" />
                        </RadioGroup.Item>
                        {o.label}
                      </label>
                    ))}
                  </RadioGroup.Root>
                )}
                {usingNew && (
                  <>
                    <AddressFields value={draft} onChange={setDraft} errors={addressErrors} />
                    {fullAccount && (
                      <label className="flex items-center gap-2">
                        <input type="checkbox" checked={saveAddress} onChange={(e) => setSaveAddress(e.target.checked)} className="h-4 w-4 accent-orange-600" />
                        Save this address for next time
                      </label>
                    )}
                  </>
                )}
              </div>
            )}
          </section>

          <section aria-labelledby="note-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="note-heading" className="text-lg font-semibold">
              Note
            </h2>
            <TextAreaField label="Note for the order (optional)" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} error={serverFieldErrors.note} />
          </section>
        </div>

        <section aria-labelledby="order-summary" className="h-fit space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="order-summary" className="text-lg font-semibold">
            Your order
          </h2>
          <ul className="space-y-2 text-sm">
            {cart.lines.map((l) => {
              const r = reviews.get(l.key);
              return (
                <li key={l.key} className="flex justify-between gap-2">
                  <span>
                    {l.quantity} × {l.name}
                    {l.modifierNames.length > 0 && <span className="block text-stone-600">{l.modifierNames.join(', ')}</span>}
                    {r && r.kind !== 'ok' && r.kind !== 'checking' && <span className="block font-medium text-red-700">{r.message}</span>}
                  </span>
                  <span>{formatMoney(lineTotal(l))}</span>
                </li>
              );
            })}
          </ul>
          <p className="flex justify-between border-t border-stone-200 pt-2 font-semibold">
            <span>Estimated total</span>
            <span>{formatMoney(totals.subtotal)}</span>
          </p>
          <p className="text-sm text-stone-600">The kitchen confirms the final price when the order is placed; you pay that amount.</p>
          {!cartReady && !cartChecking && (
            <p className="text-sm font-medium text-red-700">
              Some dishes changed. <Link to="/cart" className="underline">Review your cart</Link> first.
            </p>
          )}
          <FormError>{apiError ? orderErrorText(apiError) : null}</FormError>
          <Button size="lg" className="w-full" disabled={placeBlocked || submitting} aria-disabled={placeBlocked || submitting} onClick={() => void placeOrder()}>
            {submitting ? 'Placing order…' : `Place order · ${formatMoney(totals.subtotal)}`}
          </Button>
          {!signedIn && session.status !== 'restoring' && <p className="text-sm text-stone-700">Continue as a guest or sign in above to place the order.</p>}
        </section>
      </div>
    </div>
  );
}

function orderErrorText(error: unknown): string {
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 0;
  if (status === 422) return `${errorMessage(error)}`;
  if (status === 401) return 'Your session ended. Please sign in again and place the order.';
  return errorMessage(error, 'The order could not be placed. Please try again.');
}

/** Guest checkout or sign in, when nobody is signed in; who is ordering otherwise. */
function WhoIsOrdering() {
  const session = useSession();
  const [mode, setMode] = useState<'guest' | 'sign-in' | 'register'>('guest');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (session.status === 'restoring') return <Loading label="Checking your session…" />;
  if (session.user) {
    return (
      <section aria-labelledby="who-heading" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="who-heading" className="text-lg font-semibold">
          Ordering as
        </h2>
        <p>{session.isGuest ? `Guest${session.user.name && session.user.name !== 'Guest' ? ` (${session.user.name})` : ''}` : `${session.user.name} (${session.user.email})`}</p>
      </section>
    );
  }

  const continueAsGuest = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.continueAsGuest({ name: name.trim(), email: email.trim() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const guestFields = fieldErrors(error, ['name', 'email']);

  return (
    <section aria-labelledby="who-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="who-heading" className="text-lg font-semibold">
        Who is ordering?
      </h2>
      <div role="group" aria-label="How to continue" className="flex flex-wrap gap-2">
        <Button variant={mode === 'guest' ? 'primary' : 'secondary'} size="sm" aria-pressed={mode === 'guest'} onClick={() => setMode('guest')}>
          As a guest
        </Button>
        <Button variant={mode === 'sign-in' ? 'primary' : 'secondary'} size="sm" aria-pressed={mode === 'sign-in'} onClick={() => setMode('sign-in')}>
          I have an account
        </Button>
        <Button variant={mode === 'register' ? 'primary' : 'secondary'} size="sm" aria-pressed={mode === 'register'} onClick={() => setMode('register')}>
          New account
        </Button>
      </div>
      {mode === 'guest' && (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void continueAsGuest();
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Your name (optional)" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={guestFields.name} />
            <Field
              label="Email for the receipt (optional)"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={guestFields.email}
            />
          </div>
          <FormError>{error && !guestFields.name && !guestFields.email ? errorMessage(error) : null}</FormError>
          <Button type="submit" disabled={busy}>
            {busy ? 'Starting…' : 'Continue as guest'}
          </Button>
        </form>
      )}
      {mode === 'sign-in' && <SignInForm />}
      {mode === 'register' && <RegisterForm />}
    </section>
  );
}

/** After the order is placed: the server's total, then payment; paid → tracking. */
function PayStep({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  const navigate = useNavigate();
  const session = useSession();
  useOrderStream(orderId, null, session.status === 'signed-in' && Boolean(order.data));

  if (session.status === 'restoring' || order.isPending) return <Loading label="Loading your order…" />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) {
    return (
      <Empty title="We could not find this order.">
        <Link to="/orders" className="font-medium text-orange-800 underline">
          Your orders
        </Link>
      </Empty>
    );
  }
  const o: Order = order.data;
  const payable = o.status === 'PENDING' || o.status === 'AWAITING_PAYMENT';
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Order placed</h1>
      <section aria-labelledby="placed-summary" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="placed-summary" className="text-lg font-semibold">
          Total to pay: {formatMoney(o.total)}
        </h2>
        <ul className="text-sm">
          {o.lines.map((l, i) => (
            <li key={`${l.productId}-${i}`} className="flex justify-between gap-2">
              <span>
                {l.quantity} × {l.name}
                {l.modifiers.length > 0 && <span className="text-stone-600"> ({l.modifiers.map((m) => m.name).join(', ')})</span>}
              </span>
              <span>{formatMoney(l.lineTotal)}</span>
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-600">This is the price the kitchen confirmed.</p>
      </section>
      {payable ? (
        <PaymentSection orderId={o.id} status={o.status} total={o.total} onPaid={() => void navigate(`/track/${o.id}`)} />
      ) : (
        <p>
          This order is {o.status.toLowerCase().replace('_', ' ')}.{' '}
        </p>
      )}
      <Link to={`/track/${o.id}`} className="inline-block font-medium text-orange-800 underline">
        Follow this order
      </Link>
    </div>
  );
}
