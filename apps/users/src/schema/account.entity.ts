import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@galley/auth';

/**
 * An account: its normalised email (unique among full accounts), display name, role and argon2id
 * password hash. A guest account (checkout without registering) has no password and maybe no email.
 */
@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text')
  name: string;

  @Column('text')
  role: Role;

  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column('boolean')
  guest: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt: Date;
}
