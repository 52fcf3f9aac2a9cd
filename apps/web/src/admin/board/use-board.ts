import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { refreshSession } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { tokenStore } from '../../shared/api/token-store';
import { adminApi, type AdminOrder, type OrderStatus, type OrderSummary } from '../api/admin-client';
import { adminKeys } from '../api/hooks';
import { BoardConnection, type ConnectionState } from './board-connection';
import { applyEvent, isAtOrPast, mergeSnapshot, RECENT_COMPLETED, shortId, type BoardState, type StatusEvent } from './board-state';
import { Outbox, type Intent, type SendResult } from './outbox';
import { safeStorage } from './ticket-age';

const LISTS: readonly { status: OrderStatus; limit: number }[] = [
  { status: 'CONFIRMED', limit: 100 },
  { status: 'PREPARING', limit: 100 },
  { status: 'READY', limit: 100 },
  { status: 'COMPLETED', limit: RECENT_COMPLETED },
];

export type BoardFailure = { key: string; message: string };

function lastEventOf(order: AdminOrder): StatusEvent | null {
  const last = order.history[order.history.length - 1];
  return last ? { orderId: order.id, sequence: last.sequence, status: last.status, at: last.at } : null;
}

/**
 * The kitchen board's live state: the lists, then the admin order stream on top, with the taps
 * queued in an outbox that sends them once the undo window is over and the stream is live.
 */
export function useBoard() {
  const queryClient = useQueryClient();
  const [tickets, setTickets] = useState<BoardState>({});
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'connecting' });
  const [lastUpdate, setLastUpdate] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [failures, setFailures] = useState<BoardFailure[]>([]);
  const outbox = useMemo(() => new Outbox(safeStorage()), []);
  const subscribe = useCallback((l: () => void) => outbox.subscribe(l), [outbox]);
  const intents = useSyncExternalStore(subscribe, () => outbox.list());
  const connectionRef = useRef<BoardConnection | null>(null);

  const refetch = useCallback(async () => {
    const snapshotAt = new Date().toISOString();
    try {
      const lists = await Promise.all(
        LISTS.map(async ({ status, limit }) => unwrap(await adminApi.GET('/api/admin/orders', { params: { query: { status, limit } } })).items),
      );
      const all: OrderSummary[] = lists.flat();
      setTickets((state) => mergeSnapshot(state, all, snapshotAt));
      setLoadError(null);
      setLoaded(true);
      setLastUpdate(Date.now());
    } catch (error) {
      setLoadError(error);
    }
  }, []);

  useEffect(() => {
    const conn = new BoardConnection({
      url: '/api/admin/orders/stream',
      getToken: () => tokenStore.getAccessToken(),
      refresh: refreshSession,
      onStatus: (event) => {
        setTickets((state) => applyEvent(state, event));
        setLastUpdate(Date.now());
      },
      onResync: () => void refetch(),
      onState: (state) => {
        setConnection(state);
        if (state.kind === 'live') setLastUpdate(Date.now());
      },
    });
    connectionRef.current = conn;
    conn.start();
    // The browser knows before the socket does: reconnect at once when the network comes or goes.
    const online = () => conn.reconnectNow();
    window.addEventListener('online', online);
    window.addEventListener('offline', online);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', online);
      conn.stop();
    };
  }, [refetch]);

  const live = connection.kind === 'live';

  const send = useCallback(
    async (intent: Intent): Promise<SendResult> => {
      const label = shortId(intent.orderId);
      try {
        const result = await adminApi.POST('/api/admin/orders/{id}/status', {
          params: { path: { id: intent.orderId } },
          body: { status: intent.to as 'PREPARING' | 'READY' | 'COMPLETED' },
        });
        if (result.data) {
          const order = result.data as AdminOrder;
          const event = lastEventOf(order);
          if (event) setTickets((state) => applyEvent(state, event));
          queryClient.setQueryData(adminKeys.order(order.id), order);
          return 'done';
        }
        const status = result.response.status;
        if (status === 409) {
          // Sent twice (a retry after a lost answer) or moved elsewhere: fine if it is already there.
          const current = await adminApi.GET('/api/admin/orders/{id}', { params: { path: { id: intent.orderId } } });
          if (current.data) {
            const event = lastEventOf(current.data);
            if (event) setTickets((state) => applyEvent(state, event));
            if (isAtOrPast(current.data.status, intent.to)) return 'done';
            return { failed: `Order ${label} could not move: it is ${current.data.status.toLowerCase().replace('_', ' ')} now.` };
          }
          return 'retry';
        }
        if (status >= 500 || status === 429) return 'retry';
        return { failed: `Order ${label} could not move: ${errorMessage(result.error)}` };
      } catch {
        connectionRef.current?.reconnectNow();
        return 'retry';
      }
    },
    [queryClient],
  );

  // Sends what is due while the stream is live; taps made offline wait here.
  useEffect(() => {
    if (!live) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      if (cancelled) return;
      for (const intent of outbox.takeDue()) {
        void send(intent).then((result) => {
          outbox.settle(intent.key, result, 2000);
          if (typeof result === 'object') setFailures((f) => [...f.filter((x) => x.key !== intent.key), { key: intent.key, message: result.failed }]);
        });
      }
      const next = outbox.nextDueAt();
      if (next !== null) timer = setTimeout(tick, Math.max(0, next - Date.now()) + 20);
    };
    tick();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [live, intents, outbox, send]);

  const move = useCallback((orderId: string, from: OrderStatus, to: OrderStatus) => outbox.add(orderId, from, to), [outbox]);
  const undo = useCallback((orderId: string) => outbox.undo(orderId), [outbox]);
  const dismissFailure = useCallback((key: string) => setFailures((f) => f.filter((x) => x.key !== key)), []);

  return {
    tickets,
    intents,
    outbox,
    connection,
    lastUpdate,
    loaded,
    loadError,
    failures,
    refetch,
    move,
    undo,
    dismissFailure,
  };
}
