import fs from 'node:fs';
import path from 'node:path';
import { createEmbeddedDatabase } from './support/test-database.js';
import { freePort, spawnService, waitForHealth } from './support/service-process.js';

describe('the service as a process', () => {
  it('refuses to start on an invalid configuration, naming every bad variable', async () => {
    const service = spawnService({ PORT: 'http', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://db' });
    expect(await service.exited).toBe(1);
    const output = service.output();
    expect(output).toContain('Invalid configuration');
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(output).toContain(name);
    expect(output).not.toMatch(/\n\s+at /); // a message for the operator, not a stack trace
  });

  it('starts on the embedded database, answers /health, and stops cleanly on SIGTERM', async () => {
    const db = createEmbeddedDatabase();
    const port = await freePort();
    const service = spawnService({ ...db.env, PORT: String(port) });
    try {
      const health = await waitForHealth(port);
      expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(fs.existsSync(path.join(db.env.CONVEYOR_DATA_DIR, 'conveyor.lock'))).toBe(false);
    } finally {
      service.child.kill('SIGKILL');
      await db.drop();
    }
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const db = createEmbeddedDatabase();
    const port = await freePort();
    const first = spawnService({ ...db.env, PORT: String(port) });
    try {
      await waitForHealth(port);
      const second = spawnService({ ...db.env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('already in use by another Conveyor process');
      expect(second.output()).toContain(`pid ${first.child.pid}`);
      // the first one is unharmed
      await waitForHealth(port);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
      await db.drop();
    }
  });

  it('takes over the lock left by a process that was killed', async () => {
    const db = createEmbeddedDatabase();
    const port = await freePort();
    const crashed = spawnService({ ...db.env, PORT: String(port) });
    await waitForHealth(port);
    crashed.child.kill('SIGKILL');
    await crashed.exited;

    const next = spawnService({ ...db.env, PORT: String(port) });
    try {
      await waitForHealth(port);
    } finally {
      next.child.kill('SIGTERM');
      await next.exited;
      await db.drop();
    }
  });
});
