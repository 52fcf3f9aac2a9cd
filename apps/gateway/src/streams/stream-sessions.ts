import { SessionRevokedV1 } from '@galley/contracts';

/** How long a revoked session is remembered: the longest an access token can live (ACCESS_TOKEN_TTL_SECONDS ≤ 1 day). */
export const REVOKED_SESSION_MEMORY_MS = 24 * 3600 * 1000;

interface OpenStream {
  sessionId: string | undefined;
  end: () => void;
}

/**
 * The live streams open on this gateway replica, by account and sign-in (the access token's
 * `sid`), so that a `session.revoked` from users ends them: the sessions it names, or every
 * stream of the account with `allSessions` (a password change). Revoked sessions are remembered
 * for a day, so a still-valid access token of one opens no new stream and gets no ticket.
 */
export class StreamSessions {
  private readonly byAccount = new Map<string, Set<OpenStream>>();
  private readonly revoked = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers an open stream; returns the function that forgets it (on close). */
  track(accountId: string, sessionId: string | undefined, end: () => void): () => void {
    let streams = this.byAccount.get(accountId);
    if (!streams) this.byAccount.set(accountId, (streams = new Set()));
    const stream: OpenStream = { sessionId, end };
    streams.add(stream);
    return () => {
      streams!.delete(stream);
      if (streams!.size === 0 && this.byAccount.get(accountId) === streams) this.byAccount.delete(accountId);
    };
  }

  isRevoked(sessionId: string | undefined): boolean {
    if (!sessionId) return false;
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > this.now();
  }

  /** Ends the streams the revocation covers; returns how many. */
  revoke(revocation: Pick<SessionRevokedV1, 'accountId' | 'sessionIds' | 'allSessions'>): number {
    const now = this.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
    for (const id of revocation.sessionIds) this.revoked.set(id, now + REVOKED_SESSION_MEMORY_MS);
    const sessions = new Set(revocation.sessionIds);
    let ended = 0;
    for (const stream of [...(this.byAccount.get(revocation.accountId) ?? [])]) {
      if (revocation.allSessions || (stream.sessionId !== undefined && sessions.has(stream.sessionId))) {
        stream.end();
        ended += 1;
      }
    }
    return ended;
  }
}
