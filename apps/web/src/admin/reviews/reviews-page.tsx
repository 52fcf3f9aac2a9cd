import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import type { Schemas } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { useProducts } from '../catalog/catalog-queries';
import { Button, cn, Empty, ErrorState, Loading } from '../ui';

type Status = 'held' | 'published' | 'hidden';
const TABS: readonly { status: Status; label: string }[] = [
  { status: 'held', label: 'Held for moderation' },
  { status: 'published', label: 'Published' },
  { status: 'hidden', label: 'Hidden' },
];

export function ReviewsPage() {
  const [status, setStatus] = useState<Status>('held');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Reviews</h1>
      <section aria-labelledby="queue-h" className="space-y-3">
        <h2 id="queue-h" className="text-xl font-semibold">Moderation</h2>
        <div role="group" aria-label="Show reviews" className="flex flex-wrap gap-2">
          {TABS.map((t) => (
            <Button key={t.status} variant={status === t.status ? 'primary' : 'secondary'} aria-pressed={status === t.status} onClick={() => setStatus(t.status)}>
              {t.label}
            </Button>
          ))}
        </div>
        <ReviewList status={status} />
      </section>
      <Insights />
    </div>
  );
}

function ReviewList({ status }: { status: Status }) {
  const queryClient = useQueryClient();
  const timeZone = useAdminTimeZone();
  const products = useProducts();
  const [message, setMessage] = useState<string | null>(null);
  const reviews = useQuery({
    queryKey: adminKeys.reviews(status),
    queryFn: async () => unwrap(await api.GET('/api/admin/reviews', { params: { query: { status, limit: 50 } } })),
  });
  const act = useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'hide' | 'restore' }) => {
      const res =
        action === 'hide'
          ? await api.POST('/api/admin/reviews/{id}/hide', { params: { path: { id } } })
          : await api.POST('/api/admin/reviews/{id}/restore', { params: { path: { id } } });
      if (res.error || !res.data) throw res.error ?? new Error('Nothing changed.');
      return res.data;
    },
    onSuccess: async (data, v) => {
      setMessage(v.action === 'hide' ? 'The review is hidden.' : `The review is ${data.status} again.`);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'reviews'] });
    },
    onError: (e) => setMessage(`Nothing changed: ${errorMessage(e)}`),
  });
  const nameOf = (id: string) => products.data?.find((p) => p.id === id)?.name ?? 'A product';

  return (
    <div className="space-y-2">
      <div aria-live="polite">{message && <p className="rounded-lg bg-stone-200 px-3 py-2 text-sm">{message}</p>}</div>
      {reviews.isPending ? (
        <Loading label="Loading reviews…" />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} title="Reviews could not be loaded." onRetry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <Empty title={status === 'held' ? 'Nothing is waiting for moderation.' : `No ${status} reviews.`} />
      ) : (
        <ul className="space-y-2">
          {reviews.data.items.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`rev-${r.id}`} className="rounded-xl bg-white p-3 shadow-sm">
                <h3 id={`rev-${r.id}`} className="font-semibold">
                  {r.title ?? 'Untitled review'} <span className="font-normal text-stone-700">· {nameOf(r.productId)} · {r.rating} of 5 stars</span>
                </h3>
                <p className="mt-1 whitespace-pre-line">{r.body}</p>
                <p className="mt-1 text-sm text-stone-700">
                  {formatDateTime(r.createdAt, timeZone)} · reads {r.analysis.sentiment.label}
                  {r.moderationReason && ` · ${status === 'held' ? 'held' : 'hidden'}: ${r.moderationReason}`}
                </p>
                <div className="mt-2 flex gap-2">
                  {r.status !== 'hidden' && (
                    <Button variant="secondary" size="sm" onClick={() => act.mutate({ id: r.id, action: 'hide' })} disabled={act.isPending}>
                      Hide<span className="sr-only"> review {r.title ?? r.body.slice(0, 30)}</span>
                    </Button>
                  )}
                  {r.status !== 'published' && (
                    <Button size="sm" onClick={() => act.mutate({ id: r.id, action: 'restore' })} disabled={act.isPending}>
                      {r.status === 'held' ? 'Publish' : 'Restore'}
                      <span className="sr-only"> review {r.title ?? r.body.slice(0, 30)}</span>
                    </Button>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Insights() {
  const products = useProducts();
  const [productId, setProductId] = useState('');
  const chosen = productId || products.data?.[0]?.id || '';
  const insights = useQuery({
    queryKey: adminKeys.insights(chosen),
    enabled: Boolean(chosen),
    queryFn: async () => unwrap(await api.GET('/api/admin/products/{id}/review-insights', { params: { path: { id: chosen } } })),
  });
  return (
    <section aria-labelledby="insights-h" className="space-y-3">
      <h2 id="insights-h" className="text-xl font-semibold">Insights</h2>
      <div className="space-y-1">
        <label htmlFor="insights-product" className="block text-sm font-medium">
          Product
        </label>
        <select id="insights-product" className="min-h-11 rounded-lg border border-stone-300 bg-white px-3" value={chosen} onChange={(e) => setProductId(e.target.value)}>
          {(products.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {!chosen ? (
        <Empty title="No products yet." />
      ) : insights.isPending ? (
        <Loading label="Loading insights…" />
      ) : insights.isError ? (
        <ErrorState error={insights.error} title="Insights could not be loaded." onRetry={() => void insights.refetch()} />
      ) : insights.data.reviewCount === 0 ? (
        <Empty title="No published reviews for this product yet." />
      ) : (
        <InsightsView data={insights.data} />
      )}
    </section>
  );
}

function InsightsView({ data }: { data: Schemas['ReviewInsightsResponse'] }) {
  const split = [
    { label: 'Positive', count: data.sentiment.positive },
    { label: 'Neutral', count: data.sentiment.neutral },
    { label: 'Negative', count: data.sentiment.negative },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="rounded-xl bg-white p-4 shadow-sm">
        <h3 className="font-semibold">Sentiment</h3>
        <p className="text-sm text-stone-700">
          {data.reviewCount} reviews · average {data.averageRating.toFixed(1)} stars · {split.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', ')}
        </p>
        <div className="h-48" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={split}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name="Reviews" fill="#c2410c" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="rounded-xl bg-white p-4 shadow-sm">
        <h3 className="font-semibold">Rating and sentiment by week</h3>
        <p className="sr-only">{data.weekly.map((w) => `${w.week}: rating ${w.averageRating}, sentiment ${w.averageSentiment}`).join('; ')}</p>
        <div className="h-48" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={data.weekly}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis yAxisId="r" domain={[1, 5]} />
              <YAxis yAxisId="s" orientation="right" domain={[-1, 1]} />
              <Tooltip />
              <Legend />
              <Line yAxisId="r" dataKey="averageRating" name="Rating" stroke="#c2410c" />
              <Line yAxisId="s" dataKey="averageSentiment" name="Sentiment" stroke="#1c1917" />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      <PhraseList title="Top phrases in positive reviews" phrases={data.topPositivePhrases} tone="good" />
      <PhraseList title="Top phrases in negative reviews" phrases={data.topNegativePhrases} tone="bad" />
      <div className="rounded-xl bg-white p-4 shadow-sm lg:col-span-2">
        <h3 className="font-semibold">Rating and text disagree</h3>
        {data.disagreements.length === 0 ? (
          <p className="text-sm text-stone-700">None.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {data.disagreements.map((d) => (
              <li key={d.reviewId} className="rounded bg-stone-50 px-2 py-1">
                <strong>{d.rating} stars</strong> but reads {d.sentiment.label}: {d.title ? `“${d.title}” — ` : ''}
                {d.excerpt}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function PhraseList({ title, phrases, tone }: { title: string; phrases: Schemas['PhraseCountResponse'][]; tone: 'good' | 'bad' }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm">
      <h3 className="font-semibold">{title}</h3>
      {phrases.length === 0 ? (
        <p className="text-sm text-stone-700">None yet.</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-1">
          {phrases.map((p) => (
            <li key={p.phrase} className={cn('rounded-full px-2 text-sm', tone === 'good' ? 'bg-green-100 text-green-900' : 'bg-red-100 text-red-900')}>
              {p.phrase} ({p.count})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
