import { DataSource } from 'typeorm';
import { migrations } from '../src/database/migrations/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('schema migrations', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('builds the schema with every migration at start, never synchronize', async () => {
    expect(db.options.synchronize).toBe(false);
    const applied: { name: string }[] = await db.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    const tables: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['identity_user', 'identity_group', 'identity_membership']),
    );
  });

  it('reverts every migration and applies them again', async () => {
    for (let i = 0; i < migrations.length; i++) await db.undoLastMigration({ transaction: 'each' });
    const left: { n: string }[] = await db.query('SELECT count(*) AS n FROM migrations');
    expect(Number(left[0].n)).toBe(0);
    const reapplied = await db.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(migrations.length);
  });
});
