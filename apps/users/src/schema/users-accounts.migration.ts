import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, refresh-token families and tokens, addresses and the failed-login log of the users
 * schema. Emails are stored normalised (trimmed, lower-cased by the service); the unique
 * constraint on that value is what makes two spellings of one address one account.
 */
export class UsersAccounts1795617802551 implements MigrationInterface {
  readonly name = 'UsersAccounts1795617802551';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users".accounts (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL DEFAULT 'customer',
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT accounts_email_key UNIQUE (email),
      CONSTRAINT accounts_email_normalised CHECK (email <> '' AND email = btrim(email)),
      CONSTRAINT accounts_role_check CHECK (role IN ('customer', 'admin'))
    )`);
    await queryRunner.query(`CREATE INDEX accounts_listing_idx ON "users".accounts (created_at DESC, id DESC)`);

    await queryRunner.query(`CREATE TABLE "users".refresh_token_families (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES "users".accounts (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_reason text,
      CONSTRAINT refresh_token_families_reason_check
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL) AND revoked_reason IN ('logout', 'reuse', 'password-change'))
    )`);
    await queryRunner.query(`CREATE INDEX refresh_token_families_live_idx ON "users".refresh_token_families (account_id) WHERE revoked_at IS NULL`);

    await queryRunner.query(`CREATE TABLE "users".refresh_tokens (
      id uuid PRIMARY KEY,
      family_id uuid NOT NULL REFERENCES "users".refresh_token_families (id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      rotated_at timestamptz,
      CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
    )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON "users".refresh_tokens (family_id)`);

    await queryRunner.query(`CREATE TABLE "users".addresses (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES "users".accounts (id) ON DELETE CASCADE,
      label text,
      recipient text,
      line1 text NOT NULL,
      line2 text,
      city text NOT NULL,
      postal_code text NOT NULL,
      region text,
      country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
      phone text,
      instructions text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX addresses_account_idx ON "users".addresses (account_id, created_at)`);

    await queryRunner.query(`CREATE TABLE "users".login_attempts (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await queryRunner.query(`CREATE INDEX login_attempts_email_idx ON "users".login_attempts (email, attempted_at DESC)`);
    await queryRunner.query(`CREATE INDEX login_attempts_at_idx ON "users".login_attempts (attempted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "users".login_attempts`);
    await queryRunner.query(`DROP TABLE "users".addresses`);
    await queryRunner.query(`DROP TABLE "users".refresh_tokens`);
    await queryRunner.query(`DROP TABLE "users".refresh_token_families`);
    await queryRunner.query(`DROP TABLE "users".accounts`);
  }
}
