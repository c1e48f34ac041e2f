import { DataSource } from 'typeorm';
import { createEmbeddedDatabase } from './support/test-database.js';
import { startTestApp } from './support/test-app.js';

describe('embedded PGlite database', () => {
  it('keeps its data across a restart', async () => {
    const database = createEmbeddedDatabase();
    const first = await startTestApp({}, database);
    await first.app
      .get(DataSource)
      .query(`INSERT INTO identity_group (id, name) VALUES ('sales', 'Отдел продаж')`);
    await first.stop();

    const second = await startTestApp({}, database);
    try {
      const rows = await second.app
        .get(DataSource)
        .query(`SELECT id, name FROM identity_group WHERE id = 'sales'`);
      expect(rows).toEqual([{ id: 'sales', name: 'Отдел продаж' }]);
    } finally {
      await second.close();
    }
  });

  it('refuses a second opening of the same directory while the first is running', async () => {
    const database = createEmbeddedDatabase();
    const first = await startTestApp({}, database);
    try {
      await expect(startTestApp({}, database)).rejects.toThrow(
        /already in use by another Conveyor process/,
      );
      // the first is still healthy
      expect(await first.app.get(DataSource).query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await first.close();
    }
  });
});
