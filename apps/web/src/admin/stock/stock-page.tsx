import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import type { Schemas } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { useProducts } from '../catalog/catalog-queries';
import { Button, cn, Empty, ErrorState, Field, FormError, Loading } from '../ui';

type Level = Schemas['StockLevelResponse'] & { low?: boolean };

const isLow = (l: Level) => Boolean(l.low ?? l.lowStock);

/** Whole units, not 0, for an adjustment ("+12", "-3"). */
export function parseDelta(text: string): number | null {
  const t = text.trim().replace(/^\+/, '');
  if (!/^-?\d+$/.test(t)) return null;
  const n = Number(t);
  return n === 0 || Math.abs(n) > 100000 ? null : n;
}

export function StockPage() {
  const levels = useQuery({
    queryKey: adminKeys.inventory,
    refetchInterval: 15_000,
    queryFn: async () => {
      const all: Level[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const data = unwrap(await api.GET('/api/admin/inventory', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
        all.push(...data.items);
        if (!data.nextCursor) break;
        cursor = data.nextCursor;
      }
      return all;
    },
  });
  const products = useProducts();
  const [selected, setSelected] = useState<string | null>(null);
  const nameOf = (id: string) => products.data?.find((p) => p.id === id)?.name ?? `Product ${id.slice(0, 8)}`;
  const rows = (levels.data ?? []).filter((l) => products.data?.some((p) => p.id === l.productId) ?? true).sort((a, b) => Number(isLow(b)) - Number(isLow(a)) || nameOf(a.productId).localeCompare(nameOf(b.productId)));
  const current = rows.find((r) => r.productId === selected) ?? null;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Stock</h1>
      {levels.isPending || products.isPending ? (
        <Loading label="Loading stock levels…" />
      ) : levels.isError ? (
        <ErrorState error={levels.error} title="Stock levels could not be loaded." onRetry={() => void levels.refetch()} />
      ) : rows.length === 0 ? (
        <Empty title="No products have stock records yet." />
      ) : (
        <div className="grid gap-4 xl:grid-cols-[1fr_26rem]">
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Stock per product, low stock first</caption>
              <thead className="bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2">Product</th>
                  <th scope="col" className="px-3 py-2 text-right">On hand</th>
                  <th scope="col" className="px-3 py-2 text-right">Reserved</th>
                  <th scope="col" className="px-3 py-2 text-right">Available</th>
                  <th scope="col" className="px-3 py-2 text-right">Low at</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((l) => (
                  <tr key={l.productId} className={cn('border-t border-stone-100', isLow(l) && 'bg-amber-50')}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      {nameOf(l.productId)}
                      {isLow(l) && <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-bold uppercase text-amber-950">Low</span>}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{l.onHand}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.reserved}</td>
                    <td className="px-3 py-2 text-right tabular-nums font-semibold">{l.available}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.lowStockThreshold}</td>
                    <td className="px-3 py-2 text-right">
                      <Button variant={selected === l.productId ? 'primary' : 'secondary'} size="sm" onClick={() => setSelected(l.productId)} aria-pressed={selected === l.productId}>
                        Manage<span className="sr-only"> {nameOf(l.productId)}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {current ? (
            <StockPanel key={current.productId} level={current} name={nameOf(current.productId)} />
          ) : (
            <Empty title="Choose a product">Pick “Manage” on a row to adjust its stock, set its low-stock threshold and see its movements.</Empty>
          )}
        </div>
      )}
    </div>
  );
}

function StockPanel({ level, name }: { level: Level; name: string }) {
  const queryClient = useQueryClient();
  const timeZone = useAdminTimeZone();
  const id = level.productId;
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [threshold, setThreshold] = useState(String(level.lowStockThreshold));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // On a tablet the panel is below the table: bring it into view when a product is picked.
  useEffect(() => heading.current?.focus(), []);

  const movements = useQuery({
    queryKey: adminKeys.movements(id),
    queryFn: async () => unwrap(await api.GET('/api/admin/inventory/{productId}/movements', { params: { path: { productId: id }, query: { limit: 50 } } })),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: adminKeys.inventory });
    await queryClient.invalidateQueries({ queryKey: adminKeys.movements(id) });
  };
  const adjust = useMutation({
    mutationFn: async (body: { delta: number; reason: string }) => {
      const res = await api.POST('/api/admin/inventory/{productId}/adjustments', { params: { path: { productId: id } }, body });
      if (res.error) throw res.error;
      return res.data;
    },
    onSuccess: async (_d, body) => {
      setDelta('');
      setReason('');
      setMessage(`${body.delta > 0 ? 'Added' : 'Removed'} ${Math.abs(body.delta)} of ${name}.`);
      await refresh();
    },
  });
  const saveThreshold = useMutation({
    mutationFn: async (lowStockThreshold: number) => {
      const res = await api.PATCH('/api/admin/inventory/{productId}', { params: { path: { productId: id } }, body: { lowStockThreshold } });
      if (res.error) throw res.error;
      return res.data;
    },
    onSuccess: async () => {
      setMessage(`${name} shows as low at ${threshold} or fewer available.`);
      await refresh();
    },
  });

  function submitAdjust(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const n = parseDelta(delta);
    if (n === null) found.delta = 'Enter whole units to add (e.g. 12) or remove (e.g. -3), not 0.';
    if (!reason.trim()) found.reason = 'Say why (e.g. delivery received, spoiled).';
    setErrors(found);
    if (n !== null && reason.trim()) adjust.mutate({ delta: n, reason: reason.trim() });
  }
  function submitThreshold(e: FormEvent) {
    e.preventDefault();
    const n = Number(threshold);
    if (threshold.trim() === '' || !Number.isInteger(n) || n < 0) return setErrors({ threshold: 'Enter whole units from 0.' });
    setErrors({});
    saveThreshold.mutate(n);
  }

  return (
    <section aria-labelledby="stock-panel-h" className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="stock-panel-h" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {name}
      </h2>
      <p className="text-sm">
        {level.onHand} on hand, {level.reserved} reserved for open orders, {level.available} available.
      </p>
      <div aria-live="polite">{message && <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm">{message}</p>}</div>
      <form onSubmit={submitAdjust} noValidate className="space-y-2">
        <h3 className="font-semibold">Adjust stock</h3>
        <Field label="Units (+ adds, − removes)" inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} error={errors.delta} />
        <Field label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <FormError>{adjust.error ? errorMessage(adjust.error, 'The adjustment was not saved.') : null}</FormError>
        <Button type="submit" disabled={adjust.isPending}>
          Save adjustment
        </Button>
      </form>
      <form onSubmit={submitThreshold} noValidate className="space-y-2">
        <h3 className="font-semibold">Low-stock threshold</h3>
        <Field label="Low at or below (available units)" inputMode="numeric" value={threshold} onChange={(e) => setThreshold(e.target.value)} error={errors.threshold} />
        <FormError>{saveThreshold.error ? errorMessage(saveThreshold.error, 'The threshold was not saved.') : null}</FormError>
        <Button type="submit" variant="secondary" disabled={saveThreshold.isPending}>
          Save threshold
        </Button>
      </form>
      <div>
        <h3 className="mb-1 font-semibold">Movements</h3>
        {movements.isPending ? (
          <Loading label="Loading movements…" />
        ) : movements.isError ? (
          <ErrorState error={movements.error} title="Movements could not be loaded." />
        ) : movements.data.items.length === 0 ? (
          <Empty title="No movements yet." />
        ) : (
          <ol tabIndex={0} className="max-h-96 space-y-1 overflow-y-auto text-sm" aria-label={`Stock movements of ${name}`}>
            {movements.data.items.map((m) => (
              <li key={m.id} className="flex flex-wrap justify-between gap-2 rounded bg-stone-50 px-2 py-1">
                <span>
                  <strong className={m.delta > 0 ? 'text-green-800' : 'text-red-800'}>{m.delta > 0 ? `+${m.delta}` : m.delta}</strong> · {m.kind} · {m.reason}
                </span>
                <span className="text-stone-700">
                  {m.onHandAfter} after · {formatDateTime(m.at, timeZone)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
