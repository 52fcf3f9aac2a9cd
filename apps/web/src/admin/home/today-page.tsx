import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { unwrap } from '../../shared/api/errors';
import { formatMoney } from '../../shared/format/money';
import { adminApi } from '../api/admin-client';
import { adminKeys, isMissingRoute, useAdminTimeZone } from '../api/hooks';
import { Empty, ErrorState, Loading } from '../ui';
import { dateIn, formatDuration, hourLabel } from './today';

/** Today at a glance: orders, revenue, the kitchen's average CONFIRMED→READY time and the top items. */
export function TodayPage() {
  const timeZone = useAdminTimeZone();
  const date = dateIn(timeZone);
  const summary = useQuery({
    queryKey: adminKeys.summary(date),
    refetchInterval: 30_000,
    queryFn: async () => unwrap(await adminApi.GET('/api/admin/orders/summary', { params: { query: { date } } })),
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Today</h1>
      <p className="text-stone-700">{new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'full' }).format(new Date())}</p>
      {summary.isPending ? (
        <Loading label="Loading today’s numbers…" />
      ) : summary.isError ? (
        isMissingRoute(summary.error) ? (
          <Empty title="Today’s summary is not available yet.">This gateway does not serve GET /api/admin/orders/summary yet.</Empty>
        ) : (
          <ErrorState error={summary.error} title="Today’s numbers could not be loaded." onRetry={() => void summary.refetch()} />
        )
      ) : (
        <>
          <dl className="grid gap-3 sm:grid-cols-3">
            <Stat label="Orders" value={String(summary.data.orders)} />
            <Stat label="Revenue" value={formatMoney(summary.data.revenue)} />
            <Stat label="Average confirmed to ready" value={formatDuration(summary.data.averageConfirmedToReadySeconds)} />
          </dl>
          <div className="grid gap-4 lg:grid-cols-2">
            <section aria-labelledby="top-h" className="rounded-xl bg-white p-4 shadow-sm">
              <h2 id="top-h" className="mb-2 text-lg font-semibold">Top items</h2>
              {summary.data.topItems.length === 0 ? (
                <Empty title="No items sold yet today." />
              ) : (
                <>
                  <div className="h-64" aria-hidden="true">
                    <ResponsiveContainer width="100%" height="100%">
                      <BarChart accessibilityLayer={false} data={summary.data.topItems} layout="vertical" margin={{ left: 24, right: 16 }}>
                        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                        <XAxis type="number" allowDecimals={false} />
                        <YAxis type="category" dataKey="name" width={120} />
                        <Tooltip />
                        <Bar dataKey="quantity" name="Sold" fill="#c2410c" />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                  <table className="mt-2 w-full text-sm">
                    <caption className="sr-only">Top items today</caption>
                    <thead>
                      <tr className="text-left">
                        <th scope="col">Item</th>
                        <th scope="col" className="text-right">Sold</th>
                      </tr>
                    </thead>
                    <tbody>
                      {summary.data.topItems.map((t) => (
                        <tr key={t.productId} className="border-t border-stone-100">
                          <td>{t.name}</td>
                          <td className="text-right tabular-nums">{t.quantity}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>
            <section aria-labelledby="hours-h" className="rounded-xl bg-white p-4 shadow-sm">
              <h2 id="hours-h" className="mb-2 text-lg font-semibold">Orders by hour</h2>
              {summary.data.byHour.length === 0 ? (
                <Empty title="No orders yet today." />
              ) : (
                <>
                  <div className="h-64" aria-hidden="true">
                    <ResponsiveContainer width="100%" height="100%">
                      <BarChart accessibilityLayer={false} data={summary.data.byHour.map((h) => ({ ...h, label: hourLabel(h.hour) }))}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="label" />
                        <YAxis allowDecimals={false} />
                        <Tooltip />
                        <Bar dataKey="orders" name="Orders" fill="#1c1917" />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                  <p className="sr-only">
                    {summary.data.byHour.map((h) => `${hourLabel(h.hour)}: ${h.orders} orders`).join('; ')}
                  </p>
                </>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-stone-700">{label}</dt>
      <dd className="text-3xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
