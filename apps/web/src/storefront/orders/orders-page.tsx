import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import { formatMoney } from '../../shared/format/money';
import { useSession } from '../../shared/session/session';
import { useStoreTimeZone } from '../../shared/store';
import { Button, Empty, ErrorState, FormError, Loading } from '../../shared/ui';
import { useCart } from '../cart/cart-context';
import { isSoldOut } from '../catalog';
import type { Order } from '../checkout/orders-api';
import { optionNames, unitPrice } from '../product/modifier-rules';
import { fetchProduct, productKeys } from '../queries';
import { statusLabel } from '../track/order-steps';

/** `/orders`: your orders, newest first, each with "Order again". */
export function OrdersPage() {
  const session = useSession();
  const timeZone = useStoreTimeZone();
  const orders = useQuery({
    queryKey: ['orders', session.user?.id],
    enabled: session.status === 'signed-in',
    queryFn: async () => unwrap(await api.GET('/api/orders')).items,
  });

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Your orders</h1>
      {session.status === 'restoring' ? (
        <Loading />
      ) : session.status === 'signed-out' ? (
        <Empty title="Sign in to see your orders.">
          <Link to="/account" className="font-medium text-orange-800 underline">
            Sign in or create an account
          </Link>
        </Empty>
      ) : orders.isPending ? (
        <Loading label="Loading your orders…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.length === 0 ? (
        <Empty title="No orders yet.">
          <Link to="/" className="font-medium text-orange-800 underline">
            Browse the menu
          </Link>
        </Empty>
      ) : (
        <ul className="space-y-3">
          {orders.data.map((o) => (
            <li key={o.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">
                    <Link to={`/track/${o.id}`} className="hover:underline">
                      Order {o.id.slice(0, 8).toUpperCase()}
                    </Link>
                  </h2>
                  <p className="text-sm text-stone-600">
                    {formatDateTime(o.createdAt, timeZone)} · {o.fulfillment.type === 'delivery' ? 'Delivery' : 'Pickup'}
                  </p>
                </div>
                <div className="text-right">
                  <p className="font-semibold">{formatMoney(o.total)}</p>
                  <p className="text-sm">{statusLabel(o.status)}</p>
                </div>
              </div>
              <div className="mt-3 flex flex-wrap gap-2">
                <Link to={`/track/${o.id}`} className="inline-flex min-h-9 items-center rounded-lg border border-stone-300 px-3 text-sm font-medium hover:bg-stone-100">
                  View order <span className="sr-only">{o.id.slice(0, 8).toUpperCase()}</span>
                </Link>
                <OrderAgain orderId={o.id} label={o.id.slice(0, 8).toUpperCase()} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Puts an old order's lines back in the cart at today's prices; the cart flags what changed. */
function OrderAgain({ orderId, label }: { orderId: string; label: string }) {
  const cart = useCart();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const again = async () => {
    setBusy(true);
    setError(null);
    try {
      const order: Order = unwrap(await api.GET('/api/orders/{id}', { params: { path: { id: orderId } } }));
      let skipped = 0;
      for (const line of order.lines) {
        const product = await queryClient.fetchQuery({ queryKey: productKeys.one(line.productId), queryFn: () => fetchProduct(line.productId) });
        const optionIds = line.modifiers.map((m) => m.id);
        if (!product || isSoldOut(product)) {
          skipped += 1;
          continue;
        }
        cart.add({
          productId: line.productId,
          name: product.name,
          quantity: line.quantity,
          unitPrice: unitPrice(product, optionIds),
          modifierOptionIds: optionIds,
          modifierNames: optionNames(product, optionIds),
          ...(product.images[0] ? { imageUrl: product.images[0].thumbUrl } : {}),
        });
      }
      if (skipped === order.lines.length) {
        setError('None of these dishes can be ordered right now.');
        return;
      }
      void navigate('/cart');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="sm" onClick={() => void again()} disabled={busy} aria-label={`Order again: ${label}`}>
        {busy ? 'Adding…' : 'Order again'}
      </Button>
      <FormError>{error}</FormError>
    </>
  );
}
