import { SessionRevocationReasonV1, sessionRevokedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { UsersTransaction } from '../repositories/users-store';

/**
 * `session.revoked`, written in the revocation's transaction: the gateway ends the live streams
 * opened with tokens of those sessions (every stream of the account with `allSessions`).
 */
export async function announceSessionsRevoked(
  outbox: OutboxWriter,
  tx: UsersTransaction,
  revocation: { accountId: string; sessionIds: string[]; allSessions: boolean; reason: SessionRevocationReasonV1; at: Date },
): Promise<void> {
  const { accountId, sessionIds, allSessions, reason, at } = revocation;
  await outbox.append(tx.sql, sessionRevokedV1, { aggregateId: accountId, payload: { accountId, sessionIds, allSessions, reason, revokedAt: at.toISOString() } });
}
