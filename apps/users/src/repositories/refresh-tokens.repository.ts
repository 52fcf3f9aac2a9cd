import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { FamilyRevocationReason } from '../domain/refresh-family';

/** A stored refresh token with what the refresh rules need from its family. */
export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  accountId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  familyRevokedAt: Date | null;
}

/** Queries on refresh-token families and their tokens; no rules. */
export class RefreshTokensRepository {
  constructor(private readonly manager: EntityManager) {}

  async createFamily(id: string, accountId: string, at: Date): Promise<void> {
    await this.manager.query(`INSERT INTO "users".refresh_token_families (id, account_id, created_at, revoked_at, revoked_reason) VALUES ($1, $2, $3, NULL, NULL)`, [
      id,
      accountId,
      at,
    ]);
  }

  async insertToken(token: { id: string; familyId: string; tokenHash: string; at: Date; expiresAt: Date }): Promise<void> {
    await this.manager.query(`INSERT INTO "users".refresh_tokens (id, family_id, token_hash, created_at, expires_at, rotated_at) VALUES ($1, $2, $3, $4, $5, NULL)`, [
      token.id,
      token.familyId,
      token.tokenHash,
      token.at,
      token.expiresAt,
    ]);
  }

  /**
   * The token with this hash, its row and its family's locked until the transaction ends, so two
   * refreshes of one token are decided one after the other.
   */
  async findForUpdate(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const row = await queryRow<RefreshTokenRecord>(
      this.manager,
      `SELECT t.id, t.family_id, f.account_id, t.expires_at, t.rotated_at, f.revoked_at AS family_revoked_at
         FROM "users".refresh_tokens t
         JOIN "users".refresh_token_families f ON f.id = t.family_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, f`,
      [tokenHash],
    );
    return row ?? undefined;
  }

  async markRotated(id: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE "users".refresh_tokens SET rotated_at = $2 WHERE id = $1`, [id, at]);
  }

  async revokeFamily(familyId: string, reason: FamilyRevocationReason, at: Date): Promise<void> {
    await this.manager.query(`UPDATE "users".refresh_token_families SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`, [familyId, at, reason]);
  }

  /**
   * Revokes the family the token belongs to, whatever the token's state. Returns the family and its
   * account when this call revoked it (undefined when unknown or already revoked).
   */
  async revokeFamilyOfToken(tokenHash: string, reason: FamilyRevocationReason, at: Date): Promise<{ familyId: string; accountId: string } | undefined> {
    const row = await queryRow<{ id: string; accountId: string }>(
      this.manager,
      `UPDATE "users".refresh_token_families f
          SET revoked_at = $2, revoked_reason = $3
         FROM "users".refresh_tokens t
        WHERE t.token_hash = $1 AND f.id = t.family_id AND f.revoked_at IS NULL
        RETURNING f.id, f.account_id`,
      [tokenHash, at, reason],
    );
    return row ? { familyId: row.id, accountId: row.accountId } : undefined;
  }

  /** Revokes every live family of an account; returns their ids. */
  async revokeAllFamilies(accountId: string, reason: FamilyRevocationReason, at: Date): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.manager,
      `UPDATE "users".refresh_token_families SET revoked_at = $2, revoked_reason = $3 WHERE account_id = $1 AND revoked_at IS NULL RETURNING id`,
      [accountId, at, reason],
    );
    return rows.map((row) => row.id);
  }
}
