import { EntityManager, IsNull } from 'typeorm';
import { FamilyRevocationReason } from '../domain/refresh-family';
import { RefreshTokenFamilyEntity } from '../schema/refresh-token-family.entity';
import { RefreshTokenEntity } from '../schema/refresh-token.entity';

/** A stored refresh token with what the refresh rules need from its family. */
export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  accountId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  familyRevokedAt: Date | null;
}

interface RefreshTokenRow {
  id: string;
  family_id: string;
  account_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

/** Queries on refresh-token families and their tokens; no rules. */
export class RefreshTokensRepository {
  constructor(private readonly manager: EntityManager) {}

  async createFamily(id: string, accountId: string, at: Date): Promise<void> {
    await this.manager.insert(RefreshTokenFamilyEntity, { id, accountId, createdAt: at, revokedAt: null, revokedReason: null });
  }

  async insertToken(token: { id: string; familyId: string; tokenHash: string; at: Date; expiresAt: Date }): Promise<void> {
    await this.manager.insert(RefreshTokenEntity, {
      id: token.id,
      familyId: token.familyId,
      tokenHash: token.tokenHash,
      createdAt: token.at,
      expiresAt: token.expiresAt,
      rotatedAt: null,
    });
  }

  /**
   * The token with this hash, its row and its family's locked until the transaction ends, so two
   * refreshes of one token are decided one after the other.
   */
  async findForUpdate(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const rows: RefreshTokenRow[] = await this.manager.query(
      `SELECT t.id, t.family_id, f.account_id, t.expires_at, t.rotated_at, f.revoked_at
         FROM "users".refresh_tokens t
         JOIN "users".refresh_token_families f ON f.id = t.family_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, f`,
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? { id: row.id, familyId: row.family_id, accountId: row.account_id, expiresAt: row.expires_at, rotatedAt: row.rotated_at, familyRevokedAt: row.revoked_at }
      : undefined;
  }

  async markRotated(id: string, at: Date): Promise<void> {
    await this.manager.update(RefreshTokenEntity, { id }, { rotatedAt: at });
  }

  async revokeFamily(familyId: string, reason: FamilyRevocationReason, at: Date): Promise<void> {
    await this.manager.update(RefreshTokenFamilyEntity, { id: familyId, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }

  /** Revokes the family the token belongs to, whatever the token's state; false when unknown. */
  async revokeFamilyOfToken(tokenHash: string, reason: FamilyRevocationReason, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `UPDATE "users".refresh_token_families f
          SET revoked_at = COALESCE(f.revoked_at, $2), revoked_reason = COALESCE(f.revoked_reason, $3)
         FROM "users".refresh_tokens t
        WHERE t.token_hash = $1 AND f.id = t.family_id
        RETURNING f.id`,
      [tokenHash, at, reason],
    );
    return rowCount(rows) > 0;
  }

  /** Revokes every live family of an account; returns how many. */
  async revokeAllFamilies(accountId: string, reason: FamilyRevocationReason, at: Date): Promise<number> {
    const result = await this.manager.update(RefreshTokenFamilyEntity, { accountId, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
    return result.affected ?? 0;
  }
}

/** TypeORM's postgres driver answers UPDATE … RETURNING with [rows, count]. */
function rowCount(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
