import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FamilyRevocationReason } from '../domain/refresh-family';

/** One sign-in: the chain of refresh tokens that rotation produces from one login. */
@Entity({ name: 'refresh_token_families' })
export class RefreshTokenFamilyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('text', { name: 'revoked_reason', nullable: true })
  revokedReason: FamilyRevocationReason | null;
}
