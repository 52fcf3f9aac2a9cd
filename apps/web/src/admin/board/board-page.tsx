import { useQueries } from '@tanstack/react-query';
import { Settings2, Volume2, VolumeX } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../shared/api/errors';
import { formatTime } from '../../shared/format/datetime';
import { Button, cn, Dialog, ErrorState, Field, Loading } from '../ui';
import { adminApi, type AdminOrder } from '../api/admin-client';
import { adminKeys, useAdminTimeZone } from '../api/hooks';
import { loadAcknowledged, saveAcknowledged } from './acknowledgements';
import { BOARD_COLUMNS, COLUMN_TITLES, groupColumns, shortId, type BoardStatus } from './board-state';
import { Chime } from './chime';
import { TicketCard } from './ticket-card';
import { loadThresholds, saveThresholds, validateThresholds, type AgeThresholds } from './ticket-age';
import { useBoard } from './use-board';
import { useWakeLock } from './use-wake-lock';

const RING_EVERY_MS = 4000;

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** The kitchen board: a touch queue of today's tickets, live from the admin order stream. */
export function BoardPage() {
  const board = useBoard();
  const timeZone = useAdminTimeZone();
  const now = useNow(1000);
  const [thresholds, setThresholds] = useState<AgeThresholds>(() => loadThresholds());
  const [timingOpen, setTimingOpen] = useState(false);
  const [acknowledged, setAcknowledged] = useState<Set<string>>(() => loadAcknowledged());
  const chime = useRef(new Chime());
  const [soundOn, setSoundOn] = useState(false);
  const [rings, setRings] = useState(0);
  const wakeLock = useWakeLock(true, soundOn);

  const statusOf = useCallback((id: string, server: AdminOrder['status']) => board.outbox.projected(id, server), [board.outbox]);
  // Recomputed whenever taps change: `intents` is the outbox's snapshot.
  const columns = useMemo(
    () => groupColumns(Object.values(board.tickets), (t) => statusOf(t.id, t.status)),
    [board.tickets, board.intents, statusOf],
  );
  const shown = useMemo(() => BOARD_COLUMNS.flatMap((c) => columns[c]), [columns]);

  const details = useQueries({
    queries: shown.map((t) => ({
      queryKey: adminKeys.order(t.id),
      staleTime: 60_000,
      queryFn: async () => unwrap(await adminApi.GET('/api/admin/orders/{id}', { params: { path: { id: t.id } } })),
    })),
  });
  const detailOf = new Map(shown.map((t, i) => [t.id, details[i]]));

  const waitingAck = columns.CONFIRMED.filter((t) => !acknowledged.has(t.id)).map((t) => t.id);
  const waitingKey = waitingAck.join(',');

  const acknowledge = useCallback((ids: readonly string[]) => {
    setAcknowledged((prev) => {
      const next = new Set(prev);
      ids.forEach((id) => next.add(id));
      saveAcknowledged(next);
      return next;
    });
  }, []);

  // Rings at once for a ticket it has not rung for, then again and again until every new ticket is acknowledged.
  const rungFor = useRef(new Set<string>());
  useEffect(() => {
    if (!soundOn || waitingKey === '') return;
    const ids = waitingKey.split(',');
    const ring = () => {
      chime.current.ring();
      setRings(chime.current.rings);
    };
    if (ids.some((id) => !rungFor.current.has(id))) ring();
    ids.forEach((id) => rungFor.current.add(id));
    const timer = setInterval(ring, RING_EVERY_MS);
    return () => clearInterval(timer);
  }, [soundOn, waitingKey]);

  async function toggleSound() {
    if (soundOn) {
      chime.current.disarm();
      setSoundOn(false);
      return;
    }
    try {
      await chime.current.arm();
      rungFor.current = new Set();
      setSoundOn(true);
    } catch {
      setSoundOn(false);
    }
  }

  // Announce new tickets to screen readers (not the connection status element).
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!board.loaded) return;
    const ids = columns.CONFIRMED.map((t) => t.id);
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const fresh = ids.filter((id) => !seen.current!.has(id));
    fresh.forEach((id) => seen.current!.add(id));
    if (fresh.length) setAnnouncement(`New order ${fresh.map(shortId).join(', ')}`);
  }, [board.loaded, columns.CONFIRMED]);

  const conn = board.connection;
  const statusText =
    conn.kind === 'live'
      ? 'Live'
      : conn.kind === 'reconnecting'
        ? `Reconnecting — last update ${formatTime(new Date(conn.since), timeZone)}`
        : conn.kind === 'signed-out'
          ? 'Signed out — sign in again to follow the board'
          : 'Connecting…';
  const queued = board.intents.length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-auto text-2xl font-semibold">Kitchen board</h1>
        <p
          role="status"
          className={cn(
            'flex min-h-11 items-center gap-2 rounded-full px-3 text-sm font-semibold',
            conn.kind === 'live' ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-950',
          )}
        >
          <span aria-hidden="true" className={cn('h-2.5 w-2.5 rounded-full', conn.kind === 'live' ? 'bg-green-600' : 'animate-pulse bg-amber-600')} />
          {statusText}
        </p>
        <Button variant={soundOn ? 'secondary' : 'primary'} size="lg" onClick={() => void toggleSound()} aria-pressed={soundOn}>
          {soundOn ? <Volume2 aria-hidden="true" className="h-5 w-5" /> : <VolumeX aria-hidden="true" className="h-5 w-5" />}
          {soundOn ? 'Sound on' : 'Turn on sound'}
        </Button>
        <Button variant="secondary" size="lg" onClick={() => setTimingOpen(true)}>
          <Settings2 aria-hidden="true" className="h-5 w-5" />
          Ticket timing
        </Button>
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
        <span>
          Amber after {thresholds.amberMinutes} min, red after {thresholds.redMinutes} min.
        </span>
        {wakeLock === 'on' && <span>Screen kept awake.</span>}
        {soundOn && waitingAck.length > 0 && (
          <span className="font-semibold text-orange-800" data-rings={rings}>
            Ringing for {waitingAck.length} new {waitingAck.length === 1 ? 'order' : 'orders'}
          </span>
        )}
        {queued > 0 && conn.kind !== 'live' && (
          <span className="font-semibold text-amber-900">
            {queued} {queued === 1 ? 'change' : 'changes'} waiting for the connection; sent once it is back.
          </span>
        )}
      </div>
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {board.failures.length > 0 && (
        <div role="alert" className="space-y-1 rounded-xl border border-red-300 bg-red-50 p-3 text-red-900">
          {board.failures.map((f) => (
            <p key={f.key} className="flex items-center justify-between gap-2">
              <span>{f.message}</span>
              <Button variant="secondary" size="sm" onClick={() => board.dismissFailure(f.key)}>
                Dismiss
              </Button>
            </p>
          ))}
        </div>
      )}

      {!board.loaded && board.loadError ? (
        <ErrorState error={board.loadError} title="The board could not load the orders." onRetry={() => void board.refetch()} />
      ) : !board.loaded ? (
        <Loading label="Loading the orders…" />
      ) : (
        <div className="grid gap-3 md:grid-cols-3 xl:grid-cols-4">
          {BOARD_COLUMNS.map((status) => (
            <Column key={status} status={status} count={columns[status].length}>
              {columns[status].map((ticket) => {
                const shownStatus = statusOf(ticket.id, ticket.status);
                const detail = detailOf.get(ticket.id);
                const mine = board.intents.filter((i) => i.orderId === ticket.id);
                const canUndo = board.outbox.canUndo(ticket.id);
                const pendingText =
                  mine.length === 0
                    ? null
                    : conn.kind !== 'live'
                      ? 'Offline: this change is kept and sent once the connection is back.'
                      : canUndo
                        ? 'Sending in a few seconds — you can still undo.'
                        : 'Sending…';
                return (
                  <li key={ticket.id}>
                    <TicketCard
                      ticket={ticket}
                      status={shownStatus}
                      detail={detail?.data as AdminOrder | undefined}
                      detailError={Boolean(detail?.error)}
                      now={now}
                      thresholds={thresholds}
                      timeZone={timeZone}
                      pendingText={pendingText}
                      canUndo={canUndo}
                      needsAck={shownStatus === 'CONFIRMED' && !acknowledged.has(ticket.id)}
                      onMove={(to) => {
                        acknowledge([ticket.id]);
                        board.move(ticket.id, shownStatus, to);
                      }}
                      onUndo={() => board.undo(ticket.id)}
                      onAcknowledge={() => acknowledge([ticket.id])}
                    />
                  </li>
                );
              })}
            </Column>
          ))}
        </div>
      )}
      <TimingDialog
        open={timingOpen}
        onOpenChange={setTimingOpen}
        thresholds={thresholds}
        onSave={(t) => {
          saveThresholds(t);
          setThresholds(t);
          setTimingOpen(false);
        }}
      />
    </div>
  );
}

function Column({ status, count, children }: { status: BoardStatus; count: number; children: React.ReactNode }) {
  const id = `column-${status}`;
  return (
    <section aria-labelledby={id} className={cn('rounded-2xl bg-stone-200/70 p-2', status === 'COMPLETED' && 'md:col-span-3 xl:col-span-1')}>
      <h2 id={id} className="flex items-center justify-between px-1 pb-2 text-lg font-semibold">
        {COLUMN_TITLES[status]}
        <span className="rounded-full bg-white px-2 text-base" aria-label={`${count} ${count === 1 ? 'order' : 'orders'}`}>
          {count}
        </span>
      </h2>
      {count === 0 ? (
        <p className="px-1 pb-2 text-sm text-stone-600">{status === 'CONFIRMED' ? 'No new orders.' : 'Nothing here.'}</p>
      ) : (
        <ul className={cn('space-y-2', status === 'COMPLETED' && 'md:grid md:grid-cols-3 md:gap-2 md:space-y-0 xl:block xl:space-y-2')}>{children}</ul>
      )}
    </section>
  );
}

function TimingDialog(props: { open: boolean; onOpenChange(open: boolean): void; thresholds: AgeThresholds; onSave(t: AgeThresholds): void }) {
  const [amber, setAmber] = useState(String(props.thresholds.amberMinutes));
  const [red, setRed] = useState(String(props.thresholds.redMinutes));
  const [errors, setErrors] = useState<ReturnType<typeof validateThresholds>>({});
  useEffect(() => {
    if (props.open) {
      setAmber(String(props.thresholds.amberMinutes));
      setRed(String(props.thresholds.redMinutes));
      setErrors({});
    }
  }, [props.open, props.thresholds]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateThresholds({ amberMinutes: amber, redMinutes: red });
    setErrors(found);
    if (Object.keys(found).length === 0) props.onSave({ amberMinutes: Number(amber), redMinutes: Number(red) });
  }

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title="Ticket timing" description="Tickets turn amber, then red, after waiting this long since the order was confirmed. Saved on this device.">
      <form onSubmit={submit} noValidate className="space-y-3">
        <Field label="Amber after (minutes)" inputMode="numeric" value={amber} onChange={(e) => setAmber(e.target.value)} error={errors.amberMinutes} />
        <Field label="Red after (minutes)" inputMode="numeric" value={red} onChange={(e) => setRed(e.target.value)} error={errors.redMinutes} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => props.onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit">Save timing</Button>
        </div>
      </form>
    </Dialog>
  );
}
