import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The waiting execution's local variables, so POST /message can match localCorrelationKeys. */
export class SubscriptionLocals1763800150000 implements MigrationInterface {
  name = 'SubscriptionLocals1763800150000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_subscription ADD COLUMN local_variables jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_subscription DROP COLUMN local_variables`);
  }
}
