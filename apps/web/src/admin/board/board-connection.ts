import { ALL_STATUSES } from '../api/order-statuses';
import { SseParser } from './sse';
import type { StatusEvent } from './board-state';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'reconnecting'; since: number }
  | { kind: 'signed-out' };

export type BoardConnectionOptions = {
  url: string;
  getToken(): string | null;
  /** Buys a new access token (false: signed out). */
  refresh(): Promise<boolean>;
  onStatus(event: StatusEvent): void;
  /** The board must refetch the lists: first connection, `event: resync`, or a reconnect after an error. */
  onResync(reason: 'initial' | 'resync' | 'reconnect'): void;
  onState(state: ConnectionState): void;
  fetch?: typeof fetch;
  /** Delays between attempts, the last one repeating. */
  backoffMs?: readonly number[];
  /** A stream silent this long is treated as dropped (the gateway sends a heartbeat every 15 s). */
  silenceMs?: number;
};

const DEFAULT_BACKOFF = [500, 1000, 2000, 3000, 5000] as const;

/**
 * Follows `GET /api/admin/orders/stream` with fetch (so the token travels in a header, not the
 * URL) and resumes with `Last-Event-ID` after a drop. The board refetches on the first connect,
 * on `event: resync`, and whenever a reconnect is not answered by `event: ready` (a gateway that
 * cannot resume).
 */
export class BoardConnection {
  private readonly parser = new SseParser();
  private abort: AbortController | null = null;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private lastEventId: string | undefined;
  private hadError = false;
  private droppedAt = 0;

  constructor(private readonly options: BoardConnectionOptions) {}

  start(): void {
    this.stopped = false;
    void this.connect(true);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.abort?.abort();
  }

  /** Drop the current stream now and reconnect (e.g. the tab came back online). */
  reconnectNow(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.abort?.abort();
    void this.connect(false);
  }

  private async connect(first: boolean): Promise<void> {
    const fetchImpl = this.options.fetch ?? fetch.bind(globalThis);
    const abort = new AbortController();
    this.abort = abort;
    const token = this.options.getToken();
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    try {
      const response = await fetchImpl(this.options.url, { headers, signal: abort.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        if (response.status === 401 && (await this.options.refresh())) return this.retry(0);
        this.options.onState({ kind: 'signed-out' });
        return;
      }
      if (!response.ok || !response.body) throw new Error(`Board stream answered ${response.status}`);
      this.options.onState({ kind: 'live' });
      const resumed = this.hadError;
      this.hadError = false;
      this.attempt = 0;
      if (first) this.options.onResync('initial');
      let answered = false;
      this.armWatchdog(abort);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.armWatchdog(abort);
        for (const message of this.parser.push(value)) {
          if (message.id) this.lastEventId = message.id;
          if (message.event === 'resync') {
            answered = true;
            this.options.onResync('resync');
          } else if (message.event === 'ready') {
            answered = true;
          } else if (message.event === 'status') {
            if (resumed && !answered) {
              // An old gateway replays without `ready`: trust the lists instead.
              answered = true;
              this.options.onResync('reconnect');
            }
            const event = parseStatus(message.data);
            if (event) this.options.onStatus(event);
          }
        }
        if (resumed && !answered) {
          answered = true;
          // The first chunk did not say the stream resumed exactly: fetch what we may have missed.
          this.options.onResync('reconnect');
        }
      }
      throw new Error('Board stream ended');
    } catch (error) {
      if (this.stopped || (abort.signal.aborted && this.abort !== abort)) return;
      if (!this.hadError) this.droppedAt = Date.now();
      this.hadError = true;
      this.options.onState({ kind: 'reconnecting', since: this.droppedAt });
      void error;
      const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF;
      this.retry(backoff[Math.min(this.attempt, backoff.length - 1)] ?? 1000);
      this.attempt += 1;
    } finally {
      if (this.watchdog) clearTimeout(this.watchdog);
    }
  }

  private retry(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(false), delay);
  }

  private armWatchdog(abort: AbortController): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    const silence = this.options.silenceMs ?? 35_000;
    this.watchdog = setTimeout(() => abort.abort(), silence);
  }
}


export function parseStatus(data: string): StatusEvent | null {
  try {
    const raw = JSON.parse(data) as Partial<StatusEvent>;
    if (typeof raw.orderId !== 'string' || typeof raw.sequence !== 'number' || typeof raw.at !== 'string') return null;
    if (!raw.status || !ALL_STATUSES.includes(raw.status)) return null;
    return { orderId: raw.orderId, sequence: raw.sequence, status: raw.status, at: raw.at, ...(raw.reason ? { reason: raw.reason } : {}) };
  } catch {
    return null;
  }
}
