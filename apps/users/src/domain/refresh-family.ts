/**
 * Refresh tokens come in families: one per sign-in, each refresh replacing the family's current
 * token with a new one. A token that was already replaced and shows up again was copied: the
 * family is revoked, so neither the thief nor the owner can continue it (they sign in again).
 */
export interface RefreshTokenState {
  /** When this token was exchanged for its successor (null while it is the family's current one). */
  rotatedAt: Date | null;
  expiresAt: Date;
  familyRevokedAt: Date | null;
}

export type RefreshVerdict =
  /** Unknown token: nothing to do. */
  | 'unknown'
  /** The family was already ended (logout, password change, earlier reuse). */
  | 'revoked'
  /** Presented again after rotation: revoke the whole family. */
  | 'reused'
  | 'expired'
  /** Valid: replace it by a new token of the same family. */
  | 'rotate';

export function judgeRefresh(state: RefreshTokenState | undefined, now: Date): RefreshVerdict {
  if (!state) return 'unknown';
  if (state.familyRevokedAt) return 'revoked';
  // Reuse wins over expiry: an old token replayed late is still a sign that it was copied.
  if (state.rotatedAt) return 'reused';
  if (state.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

export type FamilyRevocationReason = 'logout' | 'reuse' | 'password-change';
