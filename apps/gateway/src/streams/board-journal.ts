import { randomBytes } from 'node:crypto';

/** One change as the board journal keeps it: its position in this gateway instance's feed, and the change. */
export interface JournalEntry<T> {
  position: number;
  change: T;
}

/** What a board reconnecting with `Last-Event-ID` gets. */
export type Resumption<T> =
  /** No id: a fresh board, which lists `GET /api/admin/orders` first and then follows. */
  | { kind: 'fresh' }
  /** The id is in the buffer: exactly the entries that followed it (possibly none). */
  | { kind: 'replay'; entries: JournalEntry<T>[] }
  /** The id is from another instance (a gateway restart) or older than the buffer: the board must refetch. */
  | { kind: 'resync' };

export type JournalListener<T> = (entry: JournalEntry<T>) => void;

/**
 * The last `capacity` changes this gateway instance's feed has seen, each with a monotonic position, so that a
 * board reconnecting with `Last-Event-ID` can be given exactly what it missed. Event ids are `<epoch>:<position>`:
 * the epoch is drawn when the instance starts, so an id from before a restart (or from another instance behind
 * the same load balancer) is recognised as unknown instead of being mistaken for a position of this feed.
 */
export class BoardJournal<T> {
  private readonly ring: (JournalEntry<T> | undefined)[];
  private next = 1;
  private readonly listeners = new Set<JournalListener<T>>();

  constructor(
    private readonly capacity: number,
    readonly epoch: string = randomBytes(4).toString('hex'),
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`A board journal needs a positive capacity, got ${capacity}`);
    this.ring = new Array<JournalEntry<T> | undefined>(capacity);
  }

  /** The position of the newest entry (0 while empty). */
  get head(): number {
    return this.next - 1;
  }

  /** Records a change, hands it to the live listeners, and returns its entry. */
  append(change: T): JournalEntry<T> {
    const entry = { position: this.next++, change };
    this.ring[entry.position % this.capacity] = entry;
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  subscribe(listener: JournalListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The SSE id of an entry. */
  idOf(entry: JournalEntry<T>): string {
    return `${this.epoch}:${entry.position}`;
  }

  /** What follows a client's `Last-Event-ID` (undefined or empty: a fresh board). */
  resume(lastEventId: string | undefined): Resumption<T> {
    const raw = lastEventId?.trim();
    if (!raw) return { kind: 'fresh' };
    const match = /^([0-9a-f]+):(\d{1,15})$/.exec(raw);
    if (!match || match[1] !== this.epoch) return { kind: 'resync' };
    const after = Number(match[2]);
    if (after > this.head) return { kind: 'resync' };
    const oldest = Math.max(1, this.next - this.capacity);
    // The client saw `after`; it is safe to resume only if everything after it is still in the buffer.
    if (after + 1 < oldest) return { kind: 'resync' };
    const entries: JournalEntry<T>[] = [];
    for (let position = after + 1; position < this.next; position++) entries.push(this.ring[position % this.capacity]!);
    return { kind: 'replay', entries };
  }
}
