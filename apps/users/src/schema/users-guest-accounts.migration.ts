import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest accounts (checkout without registering): a `guest` flag, no password and maybe no email.
 * An email stays unique among full accounts only; a guest may give an address that an account
 * (or another guest) already uses, and upgrading a guest to a full account needs a free email.
 */
export class UsersGuestAccounts1796179921248 implements MigrationInterface {
  readonly name = 'UsersGuestAccounts1796179921248';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users".accounts ADD COLUMN guest boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users".accounts ALTER COLUMN email DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users".accounts ALTER COLUMN password_hash DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users".accounts DROP CONSTRAINT accounts_email_key`);
    await queryRunner.query(`CREATE UNIQUE INDEX accounts_email_key ON "users".accounts (email) WHERE NOT guest`);
    await queryRunner.query(`ALTER TABLE "users".accounts ADD CONSTRAINT accounts_guest_check CHECK (
      CASE WHEN guest THEN password_hash IS NULL AND role = 'customer'
           ELSE email IS NOT NULL AND password_hash IS NOT NULL END
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "users".accounts WHERE guest`);
    await queryRunner.query(`ALTER TABLE "users".accounts DROP CONSTRAINT accounts_guest_check`);
    await queryRunner.query(`DROP INDEX "users".accounts_email_key`);
    await queryRunner.query(`ALTER TABLE "users".accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)`);
    await queryRunner.query(`ALTER TABLE "users".accounts ALTER COLUMN password_hash SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users".accounts ALTER COLUMN email SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users".accounts DROP COLUMN guest`);
  }
}
