import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A browser (or client) that signed in to an account: the SHA-256 of the random token in its
 * `galley_device` cookie. Failed logins from other clients never slow a known device down.
 */
@Entity({ name: 'login_devices' })
export class LoginDeviceEntity {
  @PrimaryColumn('text', { name: 'token_hash' })
  tokenHash: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt: Date;
}
