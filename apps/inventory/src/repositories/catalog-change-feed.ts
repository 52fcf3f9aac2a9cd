import { Client } from 'pg';
import { CATALOG_CHANGED_CHANNEL } from '../schema/inventory-catalog-changes.migration';
import { LISTING_FIGURES_CHANNEL } from '../schema/inventory-listing-channels.migration';

export interface CatalogChangeHandlers {
  /** A transaction that changed the catalog (what listings match and how they rank) committed. */
  catalogChanged(): void;
  /** A transaction that changed stock levels or ratings committed. */
  figuresChanged(): void;
  /** Listening (again): changes from now on are reported. */
  up(): void;
  /** The connection is lost: changes go unreported until `up`. */
  down(error: unknown): void;
}

const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];

/**
 * Committed catalog changes as Postgres reports them (LISTEN on the channels the catalog triggers
 * notify), over one connection of its own that is reopened whenever it is lost.
 */
export class CatalogChangeFeed {
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private failures = 0;

  constructor(
    private readonly connect: () => Client,
    private readonly handlers: CatalogChangeHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    void this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const client = this.connect();
    let lost = false;
    const lose = (error: unknown) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.handlers.down(error);
      this.retry = setTimeout(() => void this.open(), RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]);
      this.retry.unref();
      this.failures += 1;
    };
    client.on('notification', (message) => {
      if (message.channel === CATALOG_CHANGED_CHANNEL) this.handlers.catalogChanged();
      else if (message.channel === LISTING_FIGURES_CHANNEL) this.handlers.figuresChanged();
    });
    client.on('error', lose);
    client.on('end', () => lose(new Error('catalog change feed connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CATALOG_CHANGED_CHANNEL}; LISTEN ${LISTING_FIGURES_CHANNEL}`);
    } catch (error) {
      lose(error);
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.handlers.up();
  }
}
