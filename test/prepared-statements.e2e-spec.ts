import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { pgWithPreparedStatements } from '../src/database/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp } from './support/test-app.js';

describe('named prepared statements', () => {
  describe('pgWithPreparedStatements, on the test database server', () => {
    let url: string;
    let release: () => Promise<void>;
    let pool: pg.Pool;
    let client: pg.PoolClient;

    beforeAll(async () => {
      if (process.env.TEST_DATABASE_URL) {
        const database: TestDatabase = await createTestDatabase();
        url = database.env.DATABASE_URL;
        release = () => database.drop();
      } else {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-prepared-'));
        const embedded = await EmbeddedPostgres.start(dir);
        url = embedded.url;
        release = async () => {
          await embedded.stop();
          fs.rmSync(dir, { recursive: true, force: true });
        };
      }
    });

    // One connection for the tests below, which run in order: PGlite accepts one connection at a
    // time and keeps one backend session for all of them (why the service never prepares on it).
    beforeAll(async () => {
      const { Pool } = pgWithPreparedStatements(4);
      pool = new Pool({ connectionString: url, max: 1 });
      client = await pool.connect();
    });

    afterAll(async () => {
      client.release();
      await pool.end();
      await release();
    });

    const prepared = async (like: string): Promise<{ name: string; statement: string }[]> =>
      (
        await client.query(
          `SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '${like}' ORDER BY name`,
        )
      ).rows;

    /** Runs the statements in a transaction, as a unit of work does. */
    async function inTransaction<T>(work: () => Promise<T>): Promise<T> {
      await client.query('START TRANSACTION');
      try {
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }

    it("prepares a transaction's parameterized statement once per connection, under one name", async () => {
      const select = 'SELECT $1::int + 1 AS n';
      await inTransaction(async () => {
        expect((await client.query(select, [1])).rows).toEqual([{ n: 2 }]);
        await client.query('SAVEPOINT inner_step'); // a savepoint leaves the transaction open
        await client.query('ROLLBACK TO SAVEPOINT inner_step');
        expect((await client.query('SELECT $1::int * 2 AS after_savepoint', [2])).rows).toEqual([
          { after_savepoint: 4 },
        ]);
        expect((await client.query(select, [2])).rows).toEqual([{ n: 3 }]);
        const viaCallback = await new Promise((resolve, reject) =>
          client.query(select, [3], (error, result) =>
            error ? reject(error) : resolve(result.rows),
          ),
        );
        expect(viaCallback).toEqual([{ n: 4 }]);
      });
      expect(await prepared('%AS n')).toEqual([
        { name: expect.stringMatching(/^conveyor_\d+$/), statement: select },
      ]);
      expect(await prepared('%AS after_savepoint')).toHaveLength(1);
    });

    it('runs statements outside transactions unnamed', async () => {
      expect((await client.query('SELECT $1::int AS outside', [1])).rows).toEqual([{ outside: 1 }]);
      expect((await client.query('SELECT $1::int AS outside', [2])).rows).toEqual([{ outside: 2 }]);
      expect(await prepared('%AS outside')).toEqual([]);
    });

    it('prepares a SELECT * afresh once its table changed under it', async () => {
      await client.query('CREATE TABLE probe (a int)');
      await client.query('INSERT INTO probe VALUES (1)');
      const select = 'SELECT * FROM probe WHERE a = $1';
      expect(await inTransaction(() => client.query(select, [1]))).toMatchObject({
        rows: [{ a: 1 }],
      });
      await client.query('ALTER TABLE probe ADD COLUMN b int');
      // What a node meets once another node's migration added a column: one failure, then it heals.
      await expect(inTransaction(() => client.query(select, [1]))).rejects.toThrow(
        /cached plan must not change result type/,
      );
      expect(await inTransaction(() => client.query(select, [1]))).toMatchObject({
        rows: [{ a: 1, b: null }],
      });
      expect((await prepared('%FROM probe%')).map((row) => row.statement)).toEqual([
        select,
        select,
      ]);
      await client.query('DROP TABLE probe');
    });

    it('runs statements without parameters, and those past its limit, unnamed', async () => {
      // Three statements are named so far; the limit is four.
      await inTransaction(async () => {
        for (const [i, text] of [
          'SELECT $1::int AS limit_a',
          'SELECT $1::int AS limit_b',
        ].entries())
          expect((await client.query(text, [i])).rows).toHaveLength(1);
        expect((await client.query('SELECT 1 AS limit_none')).rows).toHaveLength(1);
      });
      expect((await prepared('%AS limit_%')).map((row) => row.statement)).toEqual([
        'SELECT $1::int AS limit_a',
      ]);
    });
  });

  describe('the service', () => {
    async function preparedBy(env: Record<string, string>): Promise<string[]> {
      const t = await startTestApp(env);
      try {
        const runner = t.app.get(DataSource).createQueryRunner();
        try {
          await runner.startTransaction();
          await runner.query('SELECT $1::int AS probe', [7]);
          await runner.commitTransaction();
          const rows: { statement: string }[] = await runner.query(
            `SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%AS probe'`,
          );
          return rows.map((row) => row.statement);
        } finally {
          await runner.release();
        }
      } finally {
        await t.close();
      }
    }

    it('prepares the statements of transactions on PostgreSQL unless turned off, never on the embedded database', async () => {
      const postgres = Boolean(process.env.TEST_DATABASE_URL); // as createTestDatabase decides
      expect(await preparedBy({})).toEqual(postgres ? ['SELECT $1::int AS probe'] : []);
      expect(await preparedBy({ CONVEYOR_PREPARED_STATEMENTS: 'false' })).toEqual([]);
    });
  });
});
