import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds of chosen lines: the order's priced lines as `order.placed` announced them (null for orders placed before
 * this), and the lines each refund gave back (null for a refund of an amount).
 */
export class PaymentsRefundLines1795900000002 implements MigrationInterface {
  readonly name = 'PaymentsRefundLines1795900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments".orders ADD COLUMN lines jsonb`);
    await queryRunner.query(`ALTER TABLE "payments".refunds ADD COLUMN lines jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments".refunds DROP COLUMN lines`);
    await queryRunner.query(`ALTER TABLE "payments".orders DROP COLUMN lines`);
  }
}
