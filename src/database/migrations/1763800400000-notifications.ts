import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox (one row per notification task, written before the process moves on,
 * delivered afterwards by the dispatcher) and the in-app notifications users read in the web app.
 */
export class Notifications1763800400000 implements MigrationInterface {
  name = 'Notifications1763800400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_outbox (
        id varchar(64) PRIMARY KEY,
        external_task_id varchar(64) NOT NULL,
        process_instance_id varchar(64),
        channel varchar(16) NOT NULL CHECK (channel IN ('email', 'sms', 'in-app')),
        recipient varchar(320),
        recipient_group varchar(64),
        subject text,
        text text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        locked_by varchar(255),
        lock_expires_at timestamptz,
        last_error text,
        created timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    // One outbox row per external task: a worker retrying after a crash inserts nothing new.
    await db.query(
      `CREATE UNIQUE INDEX notification_outbox_external_task_idx ON notification_outbox (external_task_id)`,
    );
    await db.query(
      `CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX notification_outbox_instance_idx ON notification_outbox (process_instance_id)`,
    );
    await db.query(`CREATE INDEX notification_outbox_created_idx ON notification_outbox (created)`);
    await db.query(`
      CREATE TABLE notification (
        id varchar(64) PRIMARY KEY,
        user_id varchar(64) NOT NULL,
        title text,
        text text NOT NULL,
        process_instance_id varchar(64),
        task_id varchar(64),
        outbox_id varchar(64) REFERENCES notification_outbox(id) ON DELETE SET NULL,
        created timestamptz NOT NULL,
        read_at timestamptz
      )`);
    // Delivering one outbox row twice (a crash before its commit) adds no second notification.
    await db.query(
      `CREATE UNIQUE INDEX notification_outbox_user_idx ON notification (outbox_id, user_id)`,
    );
    await db.query(`CREATE INDEX notification_user_idx ON notification (user_id, created)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification`);
    await db.query(`DROP TABLE notification_outbox`);
  }
}
