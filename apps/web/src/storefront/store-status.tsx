import { Clock } from 'lucide-react';
import type { StoreInfo, Weekday } from '../shared/api/pending-paths';
import { formatClock, formatWhen, weekdayIn } from '../shared/format/datetime';
import { orderingState } from '../shared/store';

const DAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "Open now · closes today at 10:00 PM", "Closed · opens tomorrow at 11:30 AM", "Not taking orders…". */
export function storeStatusText(store: StoreInfo, now = new Date()): { headline: string; detail: string | null; open: boolean } {
  const { open, paused } = orderingState(store);
  const when = (iso: string) => formatWhen(iso, store.timeZone, now);
  if (paused && store.openNow) {
    return {
      headline: 'Not taking orders right now',
      detail: store.pausedUntil ? `Ordering resumes ${when(store.pausedUntil)}` : 'Ordering is paused for a while',
      open: false,
    };
  }
  if (open) return { headline: 'Open now', detail: store.nextChangeAt ? `Closes ${when(store.nextChangeAt)}` : null, open: true };
  return { headline: 'Closed', detail: store.nextChangeAt ? `Opens ${when(store.nextChangeAt)}` : null, open: false };
}

export function StoreStatusBadge({ store }: { store: StoreInfo }) {
  const status = storeStatusText(store);
  return (
    <p className="flex flex-wrap items-center gap-2">
      <span
        className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-semibold ${status.open ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-900'}`}
      >
        <span aria-hidden="true" className={`h-2 w-2 rounded-full ${status.open ? 'bg-green-600' : 'bg-amber-600'}`} />
        {status.headline}
      </span>
      {status.detail && <span className="text-sm text-stone-700">{status.detail}</span>}
    </p>
  );
}

export function OpeningHours({ store }: { store: StoreInfo }) {
  const today = weekdayIn(new Date(), store.timeZone);
  const known = DAYS.some((d) => (store.openingHours[d] ?? []).length > 0);
  if (!known) return null;
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <summary className="flex cursor-pointer items-center gap-2 font-medium">
        <Clock aria-hidden="true" className="h-4 w-4" /> Opening hours
      </summary>
      <table className="mt-2 w-full">
        <caption className="sr-only">Opening hours ({store.timeZone})</caption>
        <tbody>
          {DAYS.map((day) => {
            const intervals = store.openingHours[day] ?? [];
            return (
              <tr key={day} className={day === today ? 'font-semibold' : ''}>
                <th scope="row" className="py-0.5 pr-4 text-left font-[inherit] capitalize">
                  {day}
                  {day === today && <span className="sr-only"> (today)</span>}
                </th>
                <td className="py-0.5">
                  {intervals.length === 0
                    ? 'Closed'
                    : intervals.some((i) => i.open === '00:00' && i.close === '24:00')
                      ? 'Open 24 hours'
                      : intervals.map((i) => `${formatClock(i.open)} – ${i.close === '24:00' ? 'midnight' : formatClock(i.close)}`).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-stone-600">Times are local to the store ({store.timeZone}).</p>
    </details>
  );
}
