import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import { formatMoney } from '../../shared/format/money';
import { adminApi, type OrderStatus } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { shortId } from '../board/board-state';
import { Button, Empty, ErrorState, Loading } from '../ui';
import { ALL_STATUSES, StatusBadge, statusLabel } from './order-status';

/** Every order, newest first, by status, with a search over what is loaded (order number or customer). */
export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as OrderStatus | '';
  const [search, setSearch] = useState('');
  const timeZone = useAdminTimeZone();

  const query = useInfiniteQuery({
    queryKey: adminKeys.orders({ status }),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await adminApi.GET('/api/admin/orders', {
          params: { query: { limit: 50, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });

  const needle = search.trim().toLowerCase().replace(/^#/, '');
  const items = (query.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (o) => !needle || o.id.replace(/-/g, '').startsWith(needle.replace(/-/g, '')) || o.id.startsWith(needle) || o.customerId.startsWith(needle),
  );

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Orders</h1>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="order-status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="order-status"
            className="min-h-11 rounded-lg border border-stone-300 bg-white px-3"
            value={status}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          >
            <option value="">All statuses</option>
            {ALL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-60 flex-1 space-y-1">
          <label htmlFor="order-search" className="block text-sm font-medium">
            Search by order number or customer id
          </label>
          <input
            id="order-search"
            type="search"
            className="block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3"
            placeholder="e.g. BE6838"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>

      {query.isPending ? (
        <Loading label="Loading orders…" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="The orders could not be loaded." onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={needle ? 'No loaded order matches this search.' : status ? `No ${statusLabel(status).toLowerCase()} orders.` : 'No orders yet.'}>
          {needle && query.hasNextPage ? 'Load more orders to search further back.' : null}
        </Empty>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Orders, newest first</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2">Order</th>
                <th scope="col" className="px-3 py-2">Placed</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Fulfillment</th>
                <th scope="col" className="px-3 py-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} className="border-t border-stone-100">
                  <td className="px-3 py-2">
                    <Link className="font-semibold text-orange-800 underline" to={`/admin/orders/${o.id}`}>
                      Order {shortId(o.id)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{formatDateTime(o.createdAt, timeZone)}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={o.status} />
                  </td>
                  <td className="px-3 py-2">{o.fulfillment.type === 'delivery' ? 'Delivery' : 'Pickup'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load more orders'}
        </Button>
      )}
    </div>
  );
}
