import { readdirSync, readFileSync } from 'node:fs';
import { createTestDatabase } from './support/test-database.js';
import { freePort, spawnService, waitForHealth } from './support/service-process.js';
import { basicAuth, TEST_ADMIN } from './support/test-app.js';

const ADMIN = {
  CONVEYOR_ADMIN_USER: TEST_ADMIN.user,
  CONVEYOR_ADMIN_PASSWORD: TEST_ADMIN.password,
};

/** The worker processes of a cluster primary: the processes whose parent it is (from /proc). */
function workersOf(primaryPid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so split after ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primaryPid;
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** GET /health every 50 ms until it answers 200: each answer, and `allListening()` right after it. */
async function healthUntilReady(port: number, allListening: () => boolean) {
  const answers: { status: number; allListening: boolean }[] = [];
  const deadline = Date.now() + 60_000;
  while (answers.at(-1)?.status !== 200) {
    if (Date.now() > deadline) throw new Error(`not ready within 60 s: ${JSON.stringify(answers)}`);
    const status = await fetch(`http://127.0.0.1:${port}/health`).then(
      (res) => res.status,
      () => 0, // nobody listens yet
    );
    if (status !== 0) answers.push({ status, allListening: allListening() });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return answers;
}

/**
 * CONVEYOR_CLUSTER_WORKERS: several service processes share one port and one PostgreSQL database
 * (issue 8: use every core). On the embedded database it is refused at start.
 */
describe('the service as a cluster of processes', () => {
  it('refuses several processes on the embedded database, naming the variable', async () => {
    const service = spawnService({ CONVEYOR_CLUSTER_WORKERS: '2' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('CONVEYOR_CLUSTER_WORKERS');
    expect(service.output()).not.toMatch(/\n\s+at /);
  });

  // Only with PostgreSQL (CI's second run): the embedded database cannot be shared (see above).
  if (!process.env.TEST_DATABASE_URL) return;
  it('serves from two processes, replaces a dead one, and stops them all on SIGTERM', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const service = spawnService({
      ...db.env,
      ...ADMIN,
      PORT: String(port),
      CONVEYOR_CLUSTER_WORKERS: '2',
      CONVEYOR_JOB_EXECUTOR: 'true',
    });
    const primary = service.child.pid as number;
    try {
      // given two workers listening (the second starts after the first migrated the database):
      // the first answers before the second listens, but is not ready until both do, so that
      // clients connecting early do not all stay on it
      const answers = await healthUntilReady(port, () =>
        service.output().includes('2 worker processes listening'),
      );
      expect(answers.at(-1)).toEqual({ status: 200, allListening: true });
      expect(answers).toContainEqual({ status: 503, allListening: false });
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const workers = await until('two workers', () =>
        workersOf(primary).length === 2 ? workersOf(primary) : undefined,
      );

      // then requests are answered, whichever worker takes them
      const auth = { Authorization: basicAuth(TEST_ADMIN.user, TEST_ADMIN.password) };
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/engine-rest/engine`, { headers: auth });
        expect(res.status).toBe(200);
      }

      // when one worker dies
      process.kill(workers[0], 'SIGKILL');

      // then another takes its place and the service keeps answering
      const replaced = await until('a replacement worker', () => {
        const now = workersOf(primary);
        return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
      });
      expect(replaced).toContain(workers[1]);
      const newcomer = replaced.find((pid) => pid !== workers[1]);
      await until('the replacement listening', () =>
        service.output().includes(`worker ${newcomer} listening`) ? true : undefined,
      );
      await waitForHealth(port, 60_000);

      // when the primary is asked to stop, every worker shuts down gracefully and it exits 0
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(workersOf(primary)).toEqual([]);
    } finally {
      for (const pid of workersOf(primary)) process.kill(pid, 'SIGKILL');
      service.child.kill('SIGKILL');
      await db.drop();
    }
  }, 120_000);
});
