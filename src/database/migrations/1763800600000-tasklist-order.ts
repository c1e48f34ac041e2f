import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A group's tasklist sorted by due date, at a million tasks: the candidate-group link carries its
 * task's due date (TaskRepository keeps the copy), so one index walk yields the group's tasks in
 * due-date order and the first page stops after a few dozen rows, instead of reading every task of
 * the group (or every task by due date) to sort them. Measured in bench/tasklist-scale.bench.js.
 */
export class TasklistOrder1763800600000 implements MigrationInterface {
  name = 'TasklistOrder1763800600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task_identity_link ADD COLUMN task_due_date timestamptz`);
    await db.query(`UPDATE task_identity_link l SET task_due_date = t.due_date
                      FROM task t WHERE t.id = l.task_id AND t.due_date IS NOT NULL`);
    await db.query(`CREATE INDEX task_identity_link_group_due_idx
                      ON task_identity_link (group_id, task_due_date, task_id) WHERE group_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX task_identity_link_group_due_idx`);
    await db.query(`ALTER TABLE task_identity_link DROP COLUMN task_due_date`);
  }
}
