import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import { formatMoney } from '../../shared/format/money';
import { adminApi, DEAD_LETTER_SERVICES, listDeadLetters, type AdminOrder, type DeadLetter, type DeadLetterService } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { shortId } from '../board/board-state';
import { ReplayButton } from '../operations/dead-letters';
import { Empty, ErrorState, Loading } from '../ui';
import { OrderActions } from './order-actions';

/** The reason an order was flagged: the last history entry that moved it to NEEDS_ATTENTION. */
export function attentionReason(order: Pick<AdminOrder, 'history'>): string {
  const entry = [...order.history].reverse().find((h) => h.status === 'NEEDS_ATTENTION');
  return entry?.reason ?? 'No reason was recorded.';
}

/** Every flagged order with its reason, the dead letter behind it when there is one, and what resolves it. */
export function AttentionPage() {
  const timeZone = useAdminTimeZone();
  const [results, setResults] = useState<Record<string, string>>({});
  // A resolved order leaves the list at once: its result is said here, outside the list, as well.
  const [lastResult, setLastResult] = useState<string | null>(null);
  const showResult = (orderId: string, message: string) => {
    setResults((r) => ({ ...r, [orderId]: message }));
    setLastResult(message);
  };
  const list = useQuery({
    queryKey: adminKeys.orders({ status: 'NEEDS_ATTENTION' }),
    refetchInterval: 15_000,
    queryFn: async () => unwrap(await adminApi.GET('/api/admin/orders', { params: { query: { status: 'NEEDS_ATTENTION', limit: 100 } } })),
  });
  const ids = list.data?.items.map((o) => o.id) ?? [];
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: adminKeys.order(id),
      queryFn: async () => unwrap(await adminApi.GET('/api/admin/orders/{id}', { params: { path: { id } } })),
    })),
  });
  const letters = useQueries({
    queries: DEAD_LETTER_SERVICES.map((service) => ({
      queryKey: adminKeys.deadLetters(service),
      retry: false,
      queryFn: async () => unwrap(await listDeadLetters(service)),
    })),
  });
  const letterFor = (orderId: string): { service: DeadLetterService; letter: DeadLetter } | null => {
    for (const [i, q] of letters.entries()) {
      // Order events are keyed by the order id.
      const found = q.data?.items.find((l) => l.key === orderId);
      if (found) return { service: DEAD_LETTER_SERVICES[i]!, letter: found };
    }
    return null;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Needs attention</h1>
      <p className="text-stone-700">Orders the system could not finish on its own. Each says why; resolve it with one of its actions.</p>
      <p role="status" aria-label="Last result" className="rounded-lg bg-stone-200 px-3 py-2 empty:hidden">
        {lastResult}
      </p>
      {list.isPending ? (
        <Loading label="Loading flagged orders…" />
      ) : list.isError ? (
        <ErrorState error={list.error} title="Flagged orders could not be loaded." onRetry={() => void list.refetch()} />
      ) : ids.length === 0 ? (
        <Empty title="Nothing needs attention.">Every order is on its way or settled.</Empty>
      ) : (
        <ul className="space-y-3">
          {ids.map((id, i) => {
            const q = details[i];
            const order = q?.data;
            const letter = letterFor(id);
            return (
              <li key={id}>
                <article aria-labelledby={`att-${id}`} className="rounded-xl border-2 border-red-300 bg-white p-4">
                  <h2 id={`att-${id}`} className="text-lg font-semibold">
                    <Link to={`/admin/orders/${id}`} className="underline">
                      Order {shortId(id)}
                    </Link>
                  </h2>
                  {!order ? (
                    q?.isError ? <p className="text-red-800">{errorMessage(q.error)}</p> : <Loading label="Loading the order…" />
                  ) : (
                    <>
                      <p className="mt-1">
                        <span className="font-medium">Reason:</span> {attentionReason(order)}
                      </p>
                      <p className="text-sm text-stone-700">
                        {formatMoney(order.total)} · placed {formatDateTime(order.createdAt, timeZone)}
                      </p>
                      {letter && (
                        <div className="mt-2 rounded-lg bg-stone-100 p-2 text-sm">
                          <p>
                            <span className="font-medium">Dead letter in {letter.service}:</span> {letter.letter.eventType ?? 'message'} — {letter.letter.reason || 'no reason given'}
                          </p>
                          <ReplayButton service={letter.service} id={letter.letter.id ?? undefined} onResult={(m) => showResult(id, m)} />
                        </div>
                      )}
                      <div className="mt-3">
                        <OrderActions order={order} onResult={(m) => showResult(id, m)} />
                      </div>
                      <div aria-live="polite">{results[id] && <p className="mt-2 rounded-lg bg-stone-200 px-3 py-2 text-sm">{results[id]}</p>}</div>
                    </>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
