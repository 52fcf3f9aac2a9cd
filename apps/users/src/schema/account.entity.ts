import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@galley/auth';

/** An account: its normalised email (unique), display name, role and argon2id password hash. */
@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  role: Role;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt: Date;
}
