import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins are counted per email and client address (not per email alone, which let anyone
 * lock an account), and a browser that signed in keeps a device marker: the hash of a random
 * token in an httpOnly cookie, per account, so failures from other clients never slow it.
 */
export class UsersLoginClients1796500000000 implements MigrationInterface {
  readonly name = 'UsersLoginClients1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users".login_attempts ADD COLUMN client_address text NOT NULL DEFAULT ''`);
    await queryRunner.query(`CREATE INDEX login_attempts_client_idx ON "users".login_attempts (email, client_address, attempted_at DESC)`);
    await queryRunner.query(`CREATE TABLE "users".login_devices (
      token_hash text NOT NULL,
      account_id uuid NOT NULL REFERENCES "users".accounts (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (token_hash, account_id)
    )`);
    await queryRunner.query(`CREATE INDEX login_devices_account_idx ON "users".login_devices (account_id)`);
    await queryRunner.query(`CREATE INDEX login_devices_seen_idx ON "users".login_devices (last_seen_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "users".login_devices`);
    await queryRunner.query(`DROP INDEX "users".login_attempts_client_idx`);
    await queryRunner.query(`ALTER TABLE "users".login_attempts DROP COLUMN client_address`);
  }
}
