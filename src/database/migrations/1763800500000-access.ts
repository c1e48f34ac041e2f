import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The manager hierarchy (a manager's team is everyone below them) and web-app login sessions. */
export class Access1763800500000 implements MigrationInterface {
  name = 'Access1763800500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE identity_user ADD COLUMN manager_id varchar(64) REFERENCES identity_user(id) ON DELETE SET NULL`,
    );
    await db.query(`CREATE INDEX identity_user_manager_idx ON identity_user (manager_id)`);
    await db.query(`
      CREATE TABLE auth_session (
        token_hash varchar(64) PRIMARY KEY,
        user_id varchar(64) NOT NULL REFERENCES identity_user(id) ON DELETE CASCADE,
        csrf_token varchar(64) NOT NULL,
        created timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX auth_session_expiry_idx ON auth_session (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE auth_session`);
    await db.query(`ALTER TABLE identity_user DROP COLUMN manager_id`);
  }
}
