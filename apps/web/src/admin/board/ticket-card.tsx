import { Bell, Bike, ShoppingBag, Undo2 } from 'lucide-react';
import { formatTime } from '../../shared/format/datetime';
import { Button, cn } from '../ui';
import type { AdminOrder, OrderStatus } from '../api/admin-client';
import { FORWARD, shortId, type Ticket } from './board-state';
import { ageLevel, formatAge, type AgeThresholds } from './ticket-age';

type TicketCardProps = {
  ticket: Ticket;
  /** The status shown: the server's moved by taps not yet sent. */
  status: OrderStatus;
  detail: AdminOrder | undefined;
  detailError: boolean;
  now: number;
  thresholds: AgeThresholds;
  timeZone: string;
  /** What happens to a tap not yet confirmed by the server, or null. */
  pendingText: string | null;
  canUndo: boolean;
  needsAck: boolean;
  onMove(to: OrderStatus): void;
  onUndo(): void;
  onAcknowledge(): void;
};

const LEVEL_STYLE = {
  fresh: 'border-stone-300 bg-white',
  amber: 'border-amber-500 bg-amber-50 ring-2 ring-amber-400',
  red: 'border-red-600 bg-red-50 ring-2 ring-red-500',
} as const;

const LEVEL_TEXT = { fresh: '', amber: 'Getting late', red: 'Overdue' } as const;

/** When the kitchen's clock started for this order: confirmation (payment), else placement. */
export function confirmedAt(ticket: Ticket, detail: AdminOrder | undefined): string {
  const confirmed = detail?.history.find((h) => h.status === 'CONFIRMED');
  return confirmed?.at ?? ticket.createdAt;
}

export function TicketCard(props: TicketCardProps) {
  const { ticket, status, detail, now, thresholds, timeZone } = props;
  const label = shortId(ticket.id);
  const headingId = `ticket-${ticket.id}`;
  const active = status !== 'COMPLETED';
  const age = now - new Date(confirmedAt(ticket, detail)).getTime();
  const level = active ? ageLevel(age, thresholds) : 'fresh';
  const forward = FORWARD[status];
  const fulfillment = detail?.fulfillment ?? ticket.fulfillment;

  return (
    <article
      aria-labelledby={headingId}
      data-age={level}
      data-status={status}
      className={cn('rounded-xl border-2 p-3 shadow-sm', LEVEL_STYLE[level], props.needsAck && 'outline-4 outline-orange-500')}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xl font-bold tracking-wide">
          Order {label}
        </h3>
        <span className="flex items-center gap-1 rounded-full bg-stone-900 px-2 py-0.5 text-sm font-semibold text-white">
          {fulfillment?.type === 'delivery' ? <Bike aria-hidden="true" className="h-4 w-4" /> : <ShoppingBag aria-hidden="true" className="h-4 w-4" />}
          {fulfillment ? (fulfillment.type === 'delivery' ? 'Delivery' : 'Pickup') : '…'}
        </span>
      </header>
      <p className={cn('mt-1 text-sm font-medium', level === 'red' ? 'text-red-800' : level === 'amber' ? 'text-amber-900' : 'text-stone-700')}>
        {active ? (
          <>
            Waiting {formatAge(age)}
            {LEVEL_TEXT[level] && <span className="ml-2 rounded bg-current/10 px-1 font-bold uppercase">{LEVEL_TEXT[level]}</span>}
          </>
        ) : (
          <>Completed at {formatTime(ticket.statusAt, timeZone)}</>
        )}
        {active && detail?.estimatedReadyAt && <span className="ml-2">· due {formatTime(detail.estimatedReadyAt, timeZone)}</span>}
      </p>

      {detail ? (
        <ul className="mt-2 space-y-1" aria-label={`Items of order ${label}`}>
          {detail.lines.map((line, i) => (
            <li key={line.id ?? `${line.productId}-${i}`} className="text-base">
              <span className="font-bold">{line.quantity} ×</span> {line.name}
              {line.modifiers.length > 0 && (
                <ul className="ml-6 list-disc text-sm text-stone-700">
                  {line.modifiers.map((m) => (
                    <li key={m.id}>
                      {m.group === m.name ? m.name : `${m.group}: ${m.name}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-stone-600">{props.detailError ? 'Items could not be loaded.' : 'Loading items…'}</p>
      )}
      {detail?.note && (
        <p className="mt-2 rounded-lg bg-yellow-100 px-2 py-1 text-sm font-medium text-yellow-950">
          <span className="font-bold">Note:</span> {detail.note}
        </p>
      )}

      <div className="mt-3 flex flex-wrap gap-2">
        {props.needsAck && (
          <Button variant="secondary" size="lg" className="min-h-14 border-orange-500" onClick={props.onAcknowledge}>
            <Bell aria-hidden="true" className="h-5 w-5" />
            Acknowledge<span className="sr-only"> order {label}</span>
          </Button>
        )}
        {forward && (
          <Button size="lg" className="min-h-14 flex-1" onClick={() => props.onMove(forward.to)}>
            {forward.verb}
            <span className="sr-only"> order {label}</span>
          </Button>
        )}
        {props.canUndo && (
          <Button variant="ghost" size="lg" className="min-h-14 border border-stone-400" onClick={props.onUndo}>
            <Undo2 aria-hidden="true" className="h-5 w-5" />
            Undo<span className="sr-only"> order {label}</span>
          </Button>
        )}
      </div>
      {props.pendingText && <p className="mt-1 text-sm text-stone-700">{props.pendingText}</p>}
    </article>
  );
}
