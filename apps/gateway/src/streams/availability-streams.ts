import { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'pino';
import { errorBody } from '@galley/errors';
import { AvailabilityFeed } from './availability-feed';
import { JournalEntry } from './board-journal';
import { ProductAvailability } from './product-availability';
import { SseConnections } from './sse-connections';

/** The SSE path the gateway answers itself for live product availability (public). */
export const AVAILABILITY_STREAM_PATH = /^\/api\/products\/availability\/stream$/;

/**
 * Live product availability over Server-Sent Events, for storefronts that show what can be ordered right now. A
 * client first gets `event: snapshot` (every live product, from inventory) and then one `event: availability` per
 * change. A client reconnecting with a `Last-Event-ID` still in this instance's journal gets exactly the changes it
 * missed instead of a snapshot; any other id (older than the journal, another instance, garbage) gets a fresh
 * snapshot, so a client is always right after a reconnect.
 */
export class AvailabilityStreams {
  private readonly connections: SseConnections;

  constructor(
    private readonly feed: AvailabilityFeed,
    heartbeatMs: number,
    private readonly logger: Logger,
  ) {
    this.connections = new SseConnections(heartbeatMs);
  }

  get openStreams(): number {
    return this.connections.size;
  }

  async serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const journal = this.feed.journal;
    const resumption = journal.resume(lastEventIdOf(req));
    let started = false;
    const pending: JournalEntry<ProductAvailability>[] = [];
    const send = (entry: JournalEntry<ProductAvailability>) => {
      if (!res.writableEnded) res.write(`id: ${journal.idOf(entry)}\nevent: availability\ndata: ${JSON.stringify(entry.change)}\n\n`);
    };
    // Subscribe before reading the snapshot, so that nothing that happens meanwhile is lost.
    const unsubscribe = journal.subscribe((entry) => (started ? send(entry) : pending.push(entry)));

    if (resumption.kind === 'replay') {
      this.connections.begin(res);
      for (const entry of resumption.entries) send(entry);
    } else {
      // The snapshot reflects at least every change up to here: a reconnect with this id replays what follows it.
      const snapshotId = `${journal.epoch}:${journal.head}`;
      const items = await this.feed.snapshot(requestId).catch((error: unknown) => {
        this.logger.warn({ err: error, requestId }, 'could not read the availability snapshot');
        return undefined;
      });
      if (!items) {
        unsubscribe();
        sendJson(res, 503, errorBody(503, 'The inventory service is unavailable; try again shortly', requestId));
        return;
      }
      this.connections.begin(res);
      res.write(`id: ${snapshotId}\nevent: snapshot\ndata: ${JSON.stringify({ items })}\n\n`);
    }
    started = true;
    for (const entry of pending.splice(0)) send(entry);
    this.connections.keepOpen(req, res, unsubscribe);
  }

  /** Ends every open stream (shutdown); clients reconnect elsewhere and get a snapshot. */
  closeAll(): void {
    this.connections.closeAll();
  }
}

/** The `Last-Event-ID` header, or `lastEventId` in the URL (for clients that cannot set headers). */
export function lastEventIdOf(req: IncomingMessage): string | undefined {
  const header = req.headers['last-event-id'];
  const value = (Array.isArray(header) ? header[0] : header) ?? new URL(req.url ?? '/', 'http://gateway').searchParams.get('lastEventId') ?? undefined;
  return value?.slice(0, 64);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
