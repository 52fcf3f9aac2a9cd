import type { OrderStatus } from '../api/admin-client';

/** A tap on a ticket that has not reached the server yet. */
export type Intent = {
  key: string;
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  /** Not sent before this moment (ms): until then the tap can be undone. */
  sendAfter: number;
  state: 'waiting' | 'sending';
};

export type SendResult = 'done' | 'retry' | { failed: string };

export const UNDO_WINDOW_MS = 5000;
export const OUTBOX_KEY = 'galley.admin.board.outbox';

/**
 * The board's queue of taps. The server's state machine never moves an order back, so a tap is
 * held for a few seconds (the undo window) before it is sent; taps made while the connection is
 * down wait and are sent once it is back, in the order they were made, each exactly once (a 409
 * because the order already moved counts as done). Persisted, so a reload does not lose them.
 */
export class Outbox {
  private intents: Intent[];
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly Intent[];

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.intents = load(storage).map((i) => ({ ...i, state: 'waiting' as const }));
    this.snapshot = [...this.intents];
  }

  list(): readonly Intent[] {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a move of an order, undoable for `UNDO_WINDOW_MS`. */
  add(orderId: string, from: OrderStatus, to: OrderStatus, undoWindowMs = UNDO_WINDOW_MS): Intent {
    const intent: Intent = {
      key: `${orderId}:${to}`,
      orderId,
      from,
      to,
      sendAfter: this.now() + undoWindowMs,
      state: 'waiting',
    };
    // A second tap on the same ticket sends the first one now: the cook has moved on.
    this.intents = this.intents.map((i) => (i.orderId === orderId && i.state === 'waiting' ? { ...i, sendAfter: Math.min(i.sendAfter, this.now()) } : i));
    if (!this.intents.some((i) => i.key === intent.key)) this.intents.push(intent);
    this.changed();
    return intent;
  }

  /** Takes back the latest unsent tap of an order; false when there is nothing left to undo. */
  undo(orderId: string): boolean {
    const mine = this.intents.filter((i) => i.orderId === orderId);
    const last = mine[mine.length - 1];
    if (!last || last.state !== 'waiting') return false;
    this.intents = this.intents.filter((i) => i !== last);
    this.changed();
    return true;
  }

  /** Whether the latest tap of an order can still be taken back. */
  canUndo(orderId: string): boolean {
    const mine = this.intents.filter((i) => i.orderId === orderId);
    return mine[mine.length - 1]?.state === 'waiting';
  }

  /** The status the board should show for an order: the server's, moved by the taps not yet confirmed. */
  projected(orderId: string, serverStatus: OrderStatus): OrderStatus {
    let status = serverStatus;
    for (const intent of this.intents) if (intent.orderId === orderId) status = intent.to;
    return status;
  }

  /** The next intents due (one per order, oldest first), marked as sending. */
  takeDue(): Intent[] {
    const now = this.now();
    const due: Intent[] = [];
    const busy = new Set<string>();
    for (const intent of this.intents) {
      if (busy.has(intent.orderId)) continue;
      busy.add(intent.orderId);
      if (intent.state === 'waiting' && intent.sendAfter <= now) due.push(intent);
    }
    if (due.length === 0) return due;
    const keys = new Set(due.map((i) => i.key));
    this.intents = this.intents.map((i) => (keys.has(i.key) ? { ...i, state: 'sending' as const } : i));
    this.changed();
    return due.map((i) => ({ ...i, state: 'sending' as const }));
  }

  /** Records what sending an intent did: done and failed leave the queue, retry waits again. */
  settle(key: string, result: SendResult, retryDelayMs = 0): void {
    if (result === 'retry') {
      const sendAfter = this.now() + retryDelayMs;
      this.intents = this.intents.map((i) => (i.key === key ? { ...i, state: 'waiting' as const, sendAfter } : i));
    } else {
      const failed = this.intents.find((i) => i.key === key);
      // A failed move takes the later taps of that order with it: they depended on it.
      this.intents = this.intents.filter((i) => i.key !== key && !(typeof result === 'object' && failed && i.orderId === failed.orderId));
    }
    this.changed();
  }

  /** The earliest moment something becomes due, for the send timer. */
  nextDueAt(): number | null {
    const waiting = this.intents.filter((i) => i.state === 'waiting').map((i) => i.sendAfter);
    return waiting.length ? Math.min(...waiting) : null;
  }

  private changed(): void {
    this.snapshot = [...this.intents];
    try {
      this.storage?.setItem(OUTBOX_KEY, JSON.stringify(this.intents));
    } catch {
      /* storage full or private mode: the queue still works in memory */
    }
    this.listeners.forEach((l) => l());
  }
}

function load(storage: Pick<Storage, 'getItem'> | undefined): Intent[] {
  try {
    const raw = storage?.getItem(OUTBOX_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (i): i is Intent =>
        typeof i === 'object' && i !== null && typeof i.key === 'string' && typeof i.orderId === 'string' && typeof i.to === 'string' && typeof i.sendAfter === 'number',
    );
  } catch {
    return [];
  }
}
