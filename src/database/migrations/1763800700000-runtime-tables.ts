import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which runtime tables (task, job, event_subscription, external_task) hold an instance's rows, saved
 * with its engine state: a unit of work reads only those instead of all four. NULL for instances
 * saved before, which are read everywhere once. Measured in bench/engine-vs-rest.bench.js.
 */
export class RuntimeTables1763800700000 implements MigrationInterface {
  name = 'RuntimeTables1763800700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE process_instance ADD COLUMN runtime_tables varchar(32)[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE process_instance DROP COLUMN runtime_tables`);
  }
}
