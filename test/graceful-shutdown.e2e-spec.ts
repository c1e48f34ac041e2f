import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkTracker } from '../src/common/work-tracker.js';
import { startTestApp } from './support/test-app.js';

describe('graceful shutdown', () => {
  it('lets the unit of work in flight finish before the database closes', async () => {
    const t = await startTestApp();
    const db = t.app.get(DataSource);
    const work = t.app.get(WorkTracker);
    await db.query(`CREATE TABLE shutdown_probe (note text)`);

    const inFlight = work.run(async () => {
      await db.query(`SELECT pg_sleep(0.5)`);
      await db.query(`INSERT INTO shutdown_probe VALUES ('finished')`);
      return db.query<{ note: string }[]>(`SELECT note FROM shutdown_probe`);
    });
    const closing = t.stop();

    await expect(inFlight).resolves.toEqual([{ note: 'finished' }]);
    await closing;
    expect(db.isInitialized).toBe(false);
    await t.database.drop();
  });

  it('refuses new work and reports not ready once shutdown has begun', async () => {
    const t = await startTestApp();
    const work = t.app.get(WorkTracker);
    const db = t.app.get(DataSource);
    let release!: () => void;
    const blocker = work.run(() => new Promise<void>((resolve) => (release = resolve)));
    const closing = t.stop();
    await new Promise((resolve) => setImmediate(resolve));

    expect(work.isStopping).toBe(true);
    await expect(work.run(() => db.query('SELECT 1'))).rejects.toThrow(/shutting down/);
    release();
    await blocker;
    await closing;
    await t.database.drop();
  });

  it('answers readiness 503 while stopping', async () => {
    const t = await startTestApp();
    const work = t.app.get(WorkTracker);
    await work.beforeApplicationShutdown();
    const res = await request(t.http).get('/health/ready').expect(503);
    expect(res.body.type).toBe('ProcessEngineException');
    await t.close();
  });
});
