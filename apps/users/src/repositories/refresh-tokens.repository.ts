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

  /**
   * Revokes the family the token belongs to, whatever the token's state. Returns the family and its
   * account when this call revoked it (undefined when unknown or already revoked).
   */
  async revokeFamilyOfToken(tokenHash: string, reason: FamilyRevocationReason, at: Date): Promise<{ familyId: string; accountId: string } | undefined> {
    const result: unknown[] = await this.manager.query(
      `UPDATE "users".refresh_token_families f
          SET revoked_at = $2, revoked_reason = $3
         FROM "users".refresh_tokens t
        WHERE t.token_hash = $1 AND f.id = t.family_id AND f.revoked_at IS NULL
        RETURNING f.id, f.account_id`,
      [tokenHash, at, reason],
    );
    const [row] = rowsOf<{ id: string; account_id: string }>(result);
    return row ? { familyId: row.id, accountId: row.account_id } : undefined;
  }

  /** Revokes every live family of an account; returns their ids. */
  async revokeAllFamilies(accountId: string, reason: FamilyRevocationReason, at: Date): Promise<string[]> {
    const result: unknown[] = await this.manager.query(
      `UPDATE "users".refresh_token_families SET revoked_at = $2, revoked_reason = $3 WHERE account_id = $1 AND revoked_at IS NULL RETURNING id`,
      [accountId, at, reason],
    );
    return rowsOf<{ id: string }>(result).map((row) => row.id);
  }
}

/** The rows of an UPDATE … RETURNING (TypeORM's postgres driver answers [rows, count]). */
function rowsOf<T>(result: unknown[]): T[] {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
