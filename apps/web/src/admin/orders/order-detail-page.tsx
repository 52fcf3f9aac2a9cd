import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import { formatMoney } from '../../shared/format/money';
import { adminApi } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { shortId } from '../board/board-state';
import { Empty, ErrorState, Loading } from '../ui';
import { OrderActions } from './order-actions';
import { isPendingRefund, useOrderPayment } from './order-payment';
import { refundStatusLabel, StatusBadge, statusLabel } from './order-status';
import { refundedQuantity } from './refund-lines';

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const timeZone = useAdminTimeZone();
  const [result, setResult] = useState<string | null>(null);

  const order = useQuery({
    queryKey: adminKeys.order(id),
    queryFn: async () => unwrap(await adminApi.GET('/api/admin/orders/{id}', { params: { path: { id } } })),
    // A refund's state comes from Stripe's webhooks: follow it closely while one is under way.
    refetchInterval: (q) => (q.state.data?.refunds.some((r) => isPendingRefund(r.status)) ? 2000 : 15_000),
  });
  const payment = useOrderPayment(id);
  const paymentLines = payment.data?.lines;

  if (order.isPending) return <Loading label="Loading the order…" />;
  if (order.isError) return <ErrorState error={order.error} title="This order could not be loaded." onRetry={() => void order.refetch()} />;
  const o = order.data;
  const label = shortId(o.id);

  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin/orders" className="text-orange-800 underline">
          ← All orders
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Order {label}</h1>
        <StatusBadge status={o.status} />
        <span className="text-stone-700">Placed {formatDateTime(o.createdAt, timeZone)}</span>
      </div>
      <OrderActions order={o} onResult={setResult} />
      <div aria-live="polite">{result && <p className="rounded-lg bg-stone-200 px-3 py-2">{result}</p>}</div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="items-h" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="items-h" className="mb-2 text-lg font-semibold">Items</h2>
          <table className="w-full text-sm">
            <caption className="sr-only">Items of order {label}</caption>
            <thead>
              <tr className="text-left text-stone-700">
                <th scope="col" className="py-1">Item</th>
                <th scope="col" className="py-1 text-right">Qty</th>
                <th scope="col" className="py-1 text-right">Refunded</th>
                <th scope="col" className="py-1 text-right">Each</th>
                <th scope="col" className="py-1 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((line, i) => (
                <tr key={line.id ?? i} className="border-t border-stone-100 align-top">
                  <td className="py-1">
                    {line.name}
                    {line.modifiers.length > 0 && <span className="block text-stone-600">{line.modifiers.map((m) => (m.group === m.name ? m.name : `${m.group}: ${m.name}`)).join(', ')}</span>}
                  </td>
                  <td className="py-1 text-right">{line.quantity}</td>
                  <td className="py-1 text-right">{paymentLines ? refundedQuantity(line, paymentLines) : '—'}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoney(line.unitPrice)}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoney(line.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-stone-300 font-semibold">
                <td className="py-1" colSpan={4}>
                  Total
                </td>
                <td className="py-1 text-right tabular-nums">{formatMoney(o.total)}</td>
              </tr>
            </tfoot>
          </table>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-medium">Fulfillment</dt>
            <dd>
              {o.fulfillment.type === 'delivery' ? 'Delivery' : 'Pickup'}
              {o.fulfillment.address &&
                ` to ${[o.fulfillment.address.line1, o.fulfillment.address.line2, o.fulfillment.address.city, o.fulfillment.address.postalCode].filter(Boolean).join(', ')}`}
            </dd>
            {o.note && (
              <>
                <dt className="font-medium">Note</dt>
                <dd>{o.note}</dd>
              </>
            )}
            {o.estimatedReadyAt && (
              <>
                <dt className="font-medium">Ready by</dt>
                <dd>{formatDateTime(o.estimatedReadyAt, timeZone)}</dd>
              </>
            )}
            <dt className="font-medium">Customer</dt>
            <dd className="break-all">{o.customerId}</dd>
          </dl>
        </section>

        <section aria-labelledby="payment-h" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="payment-h" className="mb-2 text-lg font-semibold">Payment and refunds</h2>
          {payment.isPending ? (
            <Loading label="Loading the payment…" />
          ) : payment.isError ? (
            <ErrorState error={payment.error} title="The payment could not be loaded." />
          ) : payment.data ? (
            <p className="text-sm">
              {formatMoney(payment.data.amount)} · payment {payment.data.status.replace('_', ' ')} · <span className="break-all">{payment.data.paymentIntentId}</span>
            </p>
          ) : (
            <p className="text-sm text-stone-700">No payment was taken for this order.</p>
          )}
          <h3 className="mb-1 mt-3 font-semibold">Refunds</h3>
          {o.refunds.length === 0 ? (
            <p className="text-sm text-stone-700">No refunds.</p>
          ) : (
            <ul className="space-y-1 text-sm" aria-label="Refunds">
              {o.refunds.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 rounded-lg bg-stone-50 px-2 py-1">
                  <span>
                    <strong className="tabular-nums">{formatMoney(r.amount)}</strong> {r.reason && `· ${r.reason}`}
                  </span>
                  <span className={r.status === 'failed' ? 'font-semibold text-red-800' : r.status === 'succeeded' ? 'text-green-800' : 'text-amber-900'}>
                    {refundStatusLabel(r.status)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="history-h" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="history-h" className="mb-2 text-lg font-semibold">History</h2>
        {o.history.length === 0 ? (
          <Empty title="No history yet." />
        ) : (
          <ol className="relative space-y-3 border-l-2 border-stone-300 pl-4">
            {o.history.map((h) => (
              <li key={h.sequence}>
                <p className="font-semibold">
                  {statusLabel(h.status)} <span className="font-normal text-stone-700">· {formatDateTime(h.at, timeZone)}</span>
                </p>
                <p className="text-sm text-stone-700">
                  {h.reason} · by {h.actor}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
