import { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'pino';
import { OrderStatusChangedV1 } from '@galley/contracts';
import { errorBody } from '@galley/errors';
import { REQUEST_ID_HEADER } from '@galley/platform';
import { BoardJournal, JournalEntry } from './board-journal';
import { OrderStatusFeed } from './order-status-feed';
import { SseConnections } from './sse-connections';

/** One history entry as a stream carries it: the SSE `data:` of an `event: status`. */
export interface StatusEvent {
  orderId: string;
  sequence: number;
  status: string;
  at: string;
  reason: string;
}

interface HistoryAnswer {
  status: number;
  entries?: StatusEvent[];
  /** The order's current estimate, when the orders service gave one (absent: an older orders service). */
  estimatedReadyAt?: string | null;
  /** The order's PaymentIntent, once it has one. */
  paymentIntentId?: string;
  error?: unknown;
}

/** How many changes the board journal keeps for boards that reconnect (an evening's rush, several times over). */
export const BOARD_REPLAY_CAPACITY = 2000;
const POLL_WHILE_FEED_DOWN_MS = 2000;
const UPSTREAM_TIMEOUT_MS = 10_000;

/** The SSE paths the gateway answers itself (everything else under /api is proxied). */
export const ORDER_STREAM_PATH = /^\/api\/orders\/([^/]+)\/stream$/;
export const ORDER_BOARD_STREAM_PATH = /^\/api\/admin\/orders\/stream$/;

/**
 * Live order status over Server-Sent Events. A customer's stream first replays the order's history from the orders
 * service (all of it, or what follows `Last-Event-ID`), then follows `order.status_changed` from Kafka; event ids are
 * history sequence numbers, so a client that reconnects misses nothing and sees nothing twice. A gap (a change the
 * feed did not see) is filled from the orders service. The orders service also decides who may see the order: its
 * 404 for someone else's order is passed on. A stream opened with `?include=payment` also says once, as `event: payment`
 * (no id), that the order's PaymentIntent exists (`order.payment_intent_attached`, or already in the replayed order),
 * so that the client reads `GET /api/orders/:id/payment` once instead of polling it; without it the stream carries
 * only `status` and `eta`, as it always did.
 */
export class OrderStreams {
  private readonly connections: SseConnections;
  /** Every change this instance's feed sees, whether or not a board is open, so that a reconnecting board can catch up. */
  readonly journal: BoardJournal<OrderStatusChangedV1>;

  constructor(
    private readonly feed: OrderStatusFeed,
    private readonly ordersUrl: string,
    heartbeatMs: number,
    private readonly logger: Logger,
    boardReplayCapacity = BOARD_REPLAY_CAPACITY,
  ) {
    this.connections = new SseConnections(heartbeatMs);
    this.journal = new BoardJournal<OrderStatusChangedV1>(boardReplayCapacity);
    this.feed.onAny((change) => this.journal.append(change));
  }

  get openStreams(): number {
    return this.connections.size;
  }

  async serveOrder(req: IncomingMessage, res: ServerResponse, orderId: string, requestId: string): Promise<void> {
    let lastSent = lastEventIdOf(req);
    const withPayment = includesPayment(req);
    let queue: Promise<void> = Promise.resolve();
    const pending: OrderStatusChangedV1[] = [];
    let started = false;
    // Subscribe before reading the history so that nothing published in between is lost.
    const unsubscribe = this.feed.onOrder(orderId, (change) => {
      if (!started) pending.push(change);
      else queue = queue.then(() => deliver(change));
    });

    const fill = async (): Promise<void> => {
      const answer = await this.history(orderId, req, requestId, lastSent);
      for (const entry of answer.entries ?? []) send(entry);
      sendEta(answer.estimatedReadyAt);
      sendPayment(answer.paymentIntentId);
    };
    const send = (entry: StatusEvent): void => {
      if (entry.sequence <= lastSent || res.writableEnded) return;
      res.write(`id: ${entry.sequence}\nevent: status\ndata: ${JSON.stringify(entry)}\n\n`);
      lastSent = entry.sequence;
    };
    let lastEta: string | null | undefined;
    const sendEta = (estimatedReadyAt: string | null | undefined): void => {
      if (estimatedReadyAt === undefined || estimatedReadyAt === lastEta || res.writableEnded) return;
      // No id: an estimate is not part of the history a reconnecting client resumes from.
      res.write(`event: eta\ndata: ${JSON.stringify({ orderId, estimatedReadyAt })}\n\n`);
      lastEta = estimatedReadyAt;
    };
    const deliver = async (change: OrderStatusChangedV1): Promise<void> => {
      if (change.sequence <= lastSent) return;
      if (change.sequence === lastSent + 1) send(toEvent(change));
      else await fill().catch((error: unknown) => this.logger.warn({ err: error, orderId }, 'could not fill a gap in an order stream'));
      sendEta(change.estimatedReadyAt);
    };
    let paymentSent = false;
    const sendPayment = (paymentIntentId: string | undefined): void => {
      if (!withPayment || paymentIntentId === undefined || paymentSent || res.writableEnded) return;
      res.write(`event: payment\ndata: ${JSON.stringify({ orderId, paymentIntentId })}\n\n`);
      paymentSent = true;
    };
    let paymentWhileStarting: string | undefined;
    const unsubscribePayment = withPayment
      ? this.feed.onOrderPayment(orderId, (attached) => {
          if (!started) paymentWhileStarting = attached.paymentIntentId;
          else queue = queue.then(() => sendPayment(attached.paymentIntentId));
        })
      : () => undefined;
    let etaWhileStarting: string | undefined;
    const unsubscribeEta = this.feed.onOrderEta(orderId, (change) => {
      if (!started) etaWhileStarting = change.estimatedReadyAt;
      else queue = queue.then(() => sendEta(change.estimatedReadyAt));
    });

    const first = await this.history(orderId, req, requestId, lastSent).catch(() => ({ status: 503 }) as HistoryAnswer);
    if (first.status !== 200) {
      unsubscribe();
      unsubscribeEta();
      unsubscribePayment();
      const status = first.status === 503 ? 503 : first.status;
      sendJson(res, status, first.error ?? errorBody(status, 'The orders service is unavailable; try again shortly', requestId));
      return;
    }
    this.connections.begin(res);
    for (const entry of first.entries ?? []) send(entry);
    sendEta(etaWhileStarting ?? first.estimatedReadyAt);
    sendPayment(first.paymentIntentId ?? paymentWhileStarting);
    started = true;
    for (const change of pending.splice(0)) queue = queue.then(() => deliver(change));

    const poller = setInterval(() => {
      if (!this.feed.live) queue = queue.then(() => fill().catch(() => undefined));
    }, POLL_WHILE_FEED_DOWN_MS);
    this.connections.keepOpen(req, res, () => {
      unsubscribe();
      unsubscribeEta();
      unsubscribePayment();
      clearInterval(poller);
    });
  }

  /**
   * Every order's status changes as they happen, for the staff order board. Ids are `<epoch>:<position>` in this
   * instance's journal; a board reconnecting with `Last-Event-ID` gets exactly what followed while the journal
   * still holds it, else an `event: resync` (refetch `GET /api/admin/orders`), and the stream then goes on live.
   * Every connection starts with one control event (`ready` or `resync`) whose id is the journal's head, so that a
   * board which saw no change before it lost the connection can still resume.
   */
  serveBoard(req: IncomingMessage, res: ServerResponse): void {
    this.connections.begin(res);
    const header = req.headers['last-event-id'];
    const lastEventId = (Array.isArray(header) ? header[0] : header) ?? new URL(req.url ?? '/', 'http://gateway').searchParams.get('lastEventId') ?? undefined;
    const send = (entry: JournalEntry<OrderStatusChangedV1>): void => {
      if (res.writableEnded) return;
      const change = entry.change;
      res.write(
        `id: ${this.journal.idOf(entry)}\nevent: status\ndata: ${JSON.stringify({ ...toEvent(change), customerId: change.customerId, previousStatus: change.previousStatus ?? null })}\n\n`,
      );
    };
    // Replay and subscription happen in the same tick: nothing can be appended in between.
    const resumption = this.journal.resume(lastEventId);
    if (resumption.kind === 'replay') resumption.entries.forEach(send);
    const id = `${this.journal.epoch}:${this.journal.head}`;
    if (resumption.kind === 'resync') {
      const data = { reason: 'The changes since Last-Event-ID are no longer known to this gateway; refetch the board', refetch: '/api/admin/orders' };
      res.write(`id: ${id}\nevent: resync\ndata: ${JSON.stringify(data)}\n\n`);
    } else {
      res.write(`id: ${id}\nevent: ready\ndata: ${JSON.stringify({ replayed: resumption.kind === 'replay' ? resumption.entries.length : 0 })}\n\n`);
    }
    const unsubscribe = this.journal.subscribe(send);
    this.connections.keepOpen(req, res, unsubscribe);
  }

  /** Ends every open stream (shutdown); clients reconnect elsewhere with Last-Event-ID. */
  closeAll(): void {
    this.connections.closeAll();
  }

  private async history(orderId: string, req: IncomingMessage, requestId: string, after: number): Promise<HistoryAnswer> {
    const res = await fetch(`${this.ordersUrl}/api/orders/${encodeURIComponent(orderId)}`, {
      headers: {
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        [REQUEST_ID_HEADER]: requestId,
        ...(typeof req.headers.traceparent === 'string' ? { traceparent: req.headers.traceparent } : {}),
      },
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => undefined)) as
      { history?: Array<Omit<StatusEvent, 'orderId'>>; estimatedReadyAt?: string | null; paymentIntentId?: string } | undefined;
    if (res.status !== 200) return { status: res.status >= 500 ? 503 : res.status, error: body };
    const entries = (body?.history ?? [])
      .filter((entry) => entry.sequence > after)
      .map((entry) => ({ orderId, sequence: entry.sequence, status: entry.status, at: entry.at, reason: entry.reason }));
    return { status: 200, entries, estimatedReadyAt: body?.estimatedReadyAt, paymentIntentId: body?.paymentIntentId };
  }
}

function toEvent(change: OrderStatusChangedV1): StatusEvent {
  return { orderId: change.orderId, sequence: change.sequence, status: change.status, at: change.at, reason: change.reason };
}

/** Where a reconnecting client left off: the `Last-Event-ID` header (or `lastEventId` in the URL), else 0. */
export function lastEventIdOf(req: IncomingMessage): number {
  const header = req.headers['last-event-id'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? new URL(req.url ?? '/', 'http://gateway').searchParams.get('lastEventId') ?? '';
  return /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 0;
}

/** Whether the stream was asked to announce the PaymentIntent (`?include=payment`, a comma-separated list). */
export function includesPayment(req: IncomingMessage): boolean {
  const include = new URL(req.url ?? '/', 'http://gateway').searchParams.get('include') ?? '';
  return include.split(',').some((part) => part.trim() === 'payment');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
