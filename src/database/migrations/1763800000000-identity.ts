import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1763800000000 implements MigrationInterface {
  name = 'Identity1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity_user (
        id varchar(64) PRIMARY KEY,
        first_name varchar(255),
        last_name varchar(255),
        email varchar(255),
        password_hash varchar(255),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE identity_group (
        id varchar(64) PRIMARY KEY,
        name varchar(255) NOT NULL,
        type varchar(64)
      )`);
    await db.query(`
      CREATE TABLE identity_membership (
        user_id varchar(64) NOT NULL REFERENCES identity_user(id) ON DELETE CASCADE,
        group_id varchar(64) NOT NULL REFERENCES identity_group(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, group_id)
      )`);
    await db.query(`CREATE INDEX identity_membership_group_idx ON identity_membership (group_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE identity_membership`);
    await db.query(`DROP TABLE identity_group`);
    await db.query(`DROP TABLE identity_user`);
  }
}
