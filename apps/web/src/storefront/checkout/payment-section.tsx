import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreditCard, FlaskConical } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatMoney, type Money } from '../../shared/format/money';
import { usePaymentsConfig } from '../../shared/store';
import { Button, FormError, Loading } from '../../shared/ui';
import { useOrder, type OrderStatus } from './orders-api';

// Stripe.js is only fetched when the store really uses Stripe.
const StripePayment = lazy(() => import('./stripe-payment').then((m) => ({ default: m.StripePayment })));

const PAYMENT_WAIT_MS = 30_000;

/**
 * Pays for a placed order. The intent appears a moment after the order (404 until then): the
 * order's live stream says when (its `payment` event sets the order's paymentIntentId), and only
 * if that takes unusually long is the payment polled briefly. With Stripe configured: the Payment
 * Element; otherwise the clearly labelled test buttons that drive the simulated provider.
 */
export function PaymentSection({
  orderId,
  status,
  total,
  onPaid,
}: {
  orderId: string;
  status: OrderStatus;
  total: Money;
  onPaid(outcome: 'succeeded' | 'failed'): void;
}) {
  const config = usePaymentsConfig();
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => Date.now());
  // The payment exists once the order carries its paymentIntentId (a moment after the stock
  // is reserved); asking earlier only collects 404s. The page's order stream (useOrderStream)
  // sets it when the intent exists, and the payment is asked for anyway if that takes unusually long.
  const order = useOrder(orderId, null);
  const hasIntent = Boolean(order.data?.paymentIntentId);
  const [impatient, setImpatient] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setImpatient(true), 10_000);
    return () => clearTimeout(t);
  }, []);
  const payment = useQuery({
    queryKey: ['payment', orderId],
    enabled: hasIntent || (status !== 'PENDING' && impatient),
    retry: false,
    queryFn: async () => {
      const result = await api.GET('/api/orders/{id}/payment', { params: { path: { id: orderId } } });
      if (result.response.status === 404) return null;
      return unwrap(result);
    },
    refetchInterval: (q) => (q.state.data === null && Date.now() - startedAt < PAYMENT_WAIT_MS ? 400 : false),
  });
  const simulate = useMutation({
    mutationFn: async (outcome: 'succeeded' | 'failed') => {
      unwrap(await api.POST('/api/payments/dev/simulate', { body: { orderId, outcome } }));
      return outcome;
    },
    onSuccess: async (outcome) => {
      await queryClient.invalidateQueries({ queryKey: ['payment', orderId] });
      onPaid(outcome);
    },
  });

  const intent = payment.data;
  const waitedTooLong = payment.data === null && Date.now() - startedAt >= PAYMENT_WAIT_MS;

  return (
    <section aria-labelledby="payment-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="payment-heading" className="flex items-center gap-2 text-lg font-semibold">
        <CreditCard aria-hidden="true" className="h-5 w-5" /> Payment · {formatMoney(total)}
      </h2>
      {config.isPending || payment.isPending || (intent === null && !waitedTooLong) ? (
        <Loading label="Preparing your payment…" />
      ) : payment.isError ? (
        <FormError>{errorMessage(payment.error)}</FormError>
      ) : waitedTooLong || !intent ? (
        <div className="space-y-2">
          <FormError>The payment is taking longer than usual to get ready.</FormError>
          <Button variant="secondary" onClick={() => void payment.refetch()}>
            Check again
          </Button>
        </div>
      ) : intent.status === 'succeeded' ? (
        <p className="font-medium text-green-800">Paid. Thank you!</p>
      ) : config.data?.provider === 'stripe' && config.data.publishableKey ? (
        <Suspense fallback={<Loading label="Loading the card form…" />}>
          <StripePayment publishableKey={config.data.publishableKey} clientSecret={intent.clientSecret} onPaid={() => onPaid('succeeded')} />
        </Suspense>
      ) : (
        <div className="space-y-3 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3">
          <h3 className="flex items-center gap-2 font-semibold text-amber-950">
            <FlaskConical aria-hidden="true" className="h-5 w-5" /> Test payment
          </h3>
          <p className="text-sm text-amber-950">This store runs without a real card processor. No money moves: choose what the payment should do.</p>
          {intent.status === 'failed' && <p className="text-sm font-semibold text-red-800">The last payment attempt failed.</p>}
          <div className="flex flex-wrap gap-2">
            <Button disabled={simulate.isPending} onClick={() => simulate.mutate('succeeded')}>
              Pay (test — succeeds)
            </Button>
            <Button variant="secondary" disabled={simulate.isPending} onClick={() => simulate.mutate('failed')}>
              Fail payment (test)
            </Button>
          </div>
          <FormError>{simulate.isError ? errorMessage(simulate.error) : null}</FormError>
        </div>
      )}
    </section>
  );
}
