import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1Down, messagingTablesV1Up } from './messaging-tables';

/**
 * The migration that gives a service its outbox and inbox (version 1 of those tables). Each
 * service lists it first in its own migrations, so it runs in that service's schema.
 */
export function messagingTablesV1Migration(schema: string): new () => MigrationInterface {
  return class MessagingTablesV11764000000000 implements MigrationInterface {
    readonly name = 'MessagingTablesV11764000000000';

    async up(queryRunner: QueryRunner): Promise<void> {
      for (const statement of messagingTablesV1Up(schema)) await queryRunner.query(statement);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const statement of messagingTablesV1Down(schema)) await queryRunner.query(statement);
    }
  };
}
