import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { formatDateTime } from '../../shared/format/datetime';
import { DEAD_LETTER_SERVICES, listDeadLetters } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { cn, Empty, ErrorState, Loading } from '../ui';
import { ReplayButton } from './dead-letters';

type ServiceHealth = { status: string; details?: Record<string, { status: string; [k: string]: unknown }> };

/** Services' health and each service's dead letters, with replay. */
export function OperationsPage() {
  const timeZone = useAdminTimeZone();
  const [result, setResult] = useState<string | null>(null);
  const health = useQuery({
    queryKey: adminKeys.health,
    refetchInterval: 10_000,
    retry: false,
    queryFn: async () => {
      const res = await api.GET('/health/services');
      // 503 carries the same body: which service is down.
      const body = (res.data ?? (res.error as unknown)) as { status?: string; services?: Record<string, ServiceHealth> } | undefined;
      if (!body?.services) throw new Error('The gateway did not say how the services are.');
      return body as { status: string; services: Record<string, ServiceHealth> };
    },
  });
  const letters = useQueries({
    queries: DEAD_LETTER_SERVICES.map((service) => ({
      queryKey: adminKeys.deadLetters(service),
      retry: false,
      queryFn: async () => unwrap(await listDeadLetters(service)),
    })),
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Operations</h1>
      <section aria-labelledby="health-h" className="space-y-2">
        <h2 id="health-h" className="text-xl font-semibold">Services</h2>
        {health.isPending ? (
          <Loading label="Checking the services…" />
        ) : health.isError ? (
          <ErrorState error={health.error} title="Service health is unknown." onRetry={() => void health.refetch()} />
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {Object.entries(health.data.services).map(([name, s]) => (
              <li key={name} className="rounded-xl bg-white p-3 shadow-sm">
                <p className="flex items-center justify-between font-semibold capitalize">
                  {name}
                  <span className={cn('rounded-full px-2 text-sm', s.status === 'up' ? 'bg-green-100 text-green-900' : 'bg-red-700 text-white')}>
                    {s.status === 'up' ? 'Up' : 'Down'}
                  </span>
                </p>
                <ul className="mt-1 text-sm text-stone-700">
                  {Object.entries(s.details ?? {}).map(([part, d]) => (
                    <li key={part}>
                      {part}: {d.status}
                      {part === 'outbox' && typeof d.pending === 'number' ? ` (${d.pending} waiting)` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dl-h" className="space-y-2">
        <h2 id="dl-h" className="text-xl font-semibold">Dead letters</h2>
        <div aria-live="polite">{result && <p className="rounded-lg bg-stone-200 px-3 py-2">{result}</p>}</div>
        {DEAD_LETTER_SERVICES.map((service, i) => {
          const q = letters[i]!;
          return (
            <div key={service} className="rounded-xl bg-white p-3 shadow-sm">
              <h3 className="flex items-center justify-between font-semibold capitalize">
                {service}
                {q.data && q.data.items.length > 0 && <ReplayButton service={service} onResult={setResult} />}
              </h3>
              {q.isPending ? (
                <Loading />
              ) : q.isError ? (
                <p className="text-sm text-red-800">{errorMessage(q.error)}</p>
              ) : q.data.items.length === 0 ? (
                <Empty title="No dead letters." />
              ) : (
                <ul className="mt-2 space-y-2 text-sm">
                  {q.data.items.map((l) => (
                    <li key={`${l.topic}:${l.partition}:${l.offset}`} className="rounded-lg border border-stone-200 p-2">
                      <p className="font-medium">
                        {l.eventType ?? 'Message'} <span className="font-normal text-stone-600">· {l.topic} {l.key && `· key ${l.key}`}</span>
                      </p>
                      <p className="text-stone-700">{l.reason || 'No reason recorded.'}</p>
                      <p className="text-stone-600">
                        {l.failedAt ? `Failed ${formatDateTime(l.failedAt, timeZone)}` : 'Failed'}
                        {l.attempts !== null && ` after ${l.attempts} ${l.attempts === 1 ? 'attempt' : 'attempts'}`}
                      </p>
                      {l.id && <ReplayButton service={service} id={l.id} onResult={setResult} />}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </section>
    </div>
  );
}
