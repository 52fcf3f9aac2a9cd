import { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-address limit of /api/auth requests, shared by every instance (it was in each one's memory). */
export class UsersSharedRateLimit1796400000000 implements MigrationInterface {
  readonly name = 'UsersSharedRateLimit1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users".rate_limit_hits (
      key text PRIMARY KEY,
      hits integer NOT NULL CHECK (hits > 0),
      window_ends timestamptz NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX rate_limit_hits_window_idx ON "users".rate_limit_hits (window_ends)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "users".rate_limit_hits`);
  }
}
