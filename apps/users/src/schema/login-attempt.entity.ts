import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A login of an email from one client address that has not succeeded (failed, or still being checked). Kept in Postgres so
 * that every instance of the service counts the same failures; a successful login deletes them.
 */
@Entity({ name: 'login_attempts' })
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  email: string;

  /** The client address the attempt came from ('' for attempts recorded before addresses were). */
  @Column('text', { name: 'client_address' })
  clientAddress: string;

  @Column('timestamptz', { name: 'attempted_at' })
  attemptedAt: Date;
}
