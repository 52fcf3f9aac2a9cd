import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';

/** How long a stream ticket can be redeemed. */
export const STREAM_TICKET_TTL_MS = 60_000;

export interface IssuedTicket {
  ticket: string;
  expiresAt: string;
}

interface TicketPayload {
  /** The access token the ticket stands for (verified again when the ticket is redeemed). */
  t: string;
  /** Expiry, epoch milliseconds. */
  e: number;
  /** The ticket's id, remembered once redeemed. */
  j: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Short-lived, single-use stream tickets: what a browser's EventSource puts in the URL instead of
 * a bearer token (it cannot set headers). A ticket is the caller's access token sealed with
 * AES-256-GCM under a key every gateway replica shares (STREAM_TICKET_SECRET), with an expiry a
 * minute away and an id: any replica can open it, nobody can read or forge it, and a copy found in
 * a log is useless once expired. A redeemed id is remembered until the ticket expires, so a ticket
 * opens one stream per replica (residual risk: with N replicas a copy used within the minute could
 * open up to N-1 more streams of the same caller).
 */
export class StreamTickets {
  private readonly key: Buffer;
  private readonly redeemed = new Map<string, number>();

  constructor(
    secret: string,
    private readonly ttlMs = STREAM_TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHash('sha256').update(`galley-stream-ticket:${secret}`).digest();
  }

  /** A random key for a gateway without STREAM_TICKET_SECRET (one replica: its tickets open only there). */
  static randomSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  issue(accessToken: string): IssuedTicket {
    const expires = this.now() + this.ttlMs;
    const payload: TicketPayload = { t: accessToken, e: expires, j: randomUUID() };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return { ticket: Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url'), expiresAt: new Date(expires).toISOString() };
  }

  /** The access token of a valid ticket, once; undefined for a forged, expired or already used one. */
  redeem(ticket: string): string | undefined {
    const payload = this.open(ticket);
    const now = this.now();
    if (!payload || payload.e <= now) return undefined;
    this.forgetExpired(now);
    if (this.redeemed.has(payload.j)) return undefined;
    this.redeemed.set(payload.j, payload.e);
    return payload.t;
  }

  private open(ticket: string): TicketPayload | undefined {
    if (!/^[A-Za-z0-9_-]{40,8192}$/.test(ticket)) return undefined;
    const bytes = Buffer.from(ticket, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      const payload = JSON.parse(text) as Partial<TicketPayload>;
      if (typeof payload.t !== 'string' || typeof payload.e !== 'number' || typeof payload.j !== 'string') return undefined;
      return payload as TicketPayload;
    } catch {
      return undefined;
    }
  }

  private forgetExpired(now: number): void {
    for (const [id, expires] of this.redeemed) if (expires <= now) this.redeemed.delete(id);
  }
}
