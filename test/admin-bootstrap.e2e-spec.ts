import { DataSource } from 'typeorm';
import { verifyPassword } from '../src/identity/password-hasher.js';
import { createTestDatabase } from './support/test-database.js';
import { startTestApp } from './support/test-app.js';

const admin = { CONVEYOR_ADMIN_USER: 'anna', CONVEYOR_ADMIN_PASSWORD: 'first-admin-secret' };

describe('first admin', () => {
  it('is created from configuration on an empty database, with a hashed password', async () => {
    const t = await startTestApp(admin);
    try {
      const db = t.app.get(DataSource);
      const [user] = await db.query(`SELECT id, password_hash FROM identity_user`);
      expect(user.id).toBe('anna');
      expect(user.password_hash).not.toContain('first-admin-secret');
      expect(await verifyPassword('first-admin-secret', user.password_hash)).toBe(true);
      const groups = await db.query(
        `SELECT group_id FROM identity_membership WHERE user_id = 'anna'`,
      );
      expect(groups).toEqual([{ group_id: 'camunda-admin' }]);
    } finally {
      await t.close();
    }
  });

  it('is not created again, nor changed, on a database that has users', async () => {
    const database = await createTestDatabase();
    const first = await startTestApp(admin, database);
    const db = first.app.get(DataSource);
    const [before] = await db.query(`SELECT password_hash FROM identity_user WHERE id = 'anna'`);
    await first.stop();

    const second = await startTestApp(
      { CONVEYOR_ADMIN_USER: 'boris', CONVEYOR_ADMIN_PASSWORD: 'another-secret' },
      database,
    );
    try {
      const users = await second.app
        .get(DataSource)
        .query(`SELECT id, password_hash FROM identity_user`);
      expect(users).toEqual([{ id: 'anna', password_hash: before.password_hash }]);
    } finally {
      await second.close();
    }
  });

  it('is not created without configuration: there is no default password', async () => {
    // (test apps create a test admin by default: unset it)
    const t = await startTestApp({ CONVEYOR_ADMIN_USER: '', CONVEYOR_ADMIN_PASSWORD: '' });
    try {
      const [{ n }] = await t.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM identity_user`);
      expect(n).toBe(0);
    } finally {
      await t.close();
    }
  });
});
