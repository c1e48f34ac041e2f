import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { JobExecutor } from '../src/jobs/job-executor.service.js';
import { EngineRest } from './support/engine-rest.js';
import {
  freePort,
  spawnService,
  waitForHealth,
  type ServiceProcess,
} from './support/service-process.js';
import { basicAuth, startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The job executor across nodes: timers fire exactly once however many nodes compete for them,
 * a timer that fell due while every node was down fires at the next start, and a job whose node
 * died mid-run is taken over once its lease runs out. Several nodes need real PostgreSQL
 * (TEST_DATABASE_URL); on the embedded PGlite the same guarantees are checked within one process.
 */

const HOUR = 3600 * 1000;
const EXECUTOR_CALLED_BY_TEST = { CONVEYOR_JOB_EXECUTOR: 'true', CONVEYOR_JOB_POLL_MS: '600000' };
/**
 * Timers in the wave; CONVEYOR_TEST_TIMER_WAVE changes it. Measured on 2 shared cores: 1,000 take
 * ~48 s on PGlite (one connection: starts and firings queue) and ~37 s on PostgreSQL with three nodes.
 */
const WAVE_SIZE = Number(process.env.CONVEYOR_TEST_TIMER_WAVE ?? 1000);

const WAVE = 'job_executor_nodes_timer_wave';
const SHORT_TIMER = 'job_executor_nodes_short_timer';
const SLOW_SCRIPT = 'job_executor_nodes_slow_script';

function fixturePath(name: string): string {
  return new URL(`./fixtures/bpmn/job-executor-nodes.${name}.bpmn`, import.meta.url).pathname;
}

function fixture(name: string): string {
  return fs.readFileSync(fixturePath(name), 'utf8');
}

/** Polls `probe` until it returns a value other than undefined, or fails naming what never happened. */
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Starts `count` instances through the REST API, `parallel` requests at a time. */
async function startInstances(t: TestApp, key: string, count: number, parallel = 25) {
  const api = new EngineRest(t.http);
  for (let started = 0; started < count; started += parallel) {
    const batch = Math.min(parallel, count - started);
    await Promise.all(Array.from({ length: batch }, () => api.start(key)));
  }
}

async function count(db: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row.n;
}

describe('job executor on several nodes', () => {
  it('fires a wave of timers falling due at once exactly once, with nodes competing for them', async () => {
    const first = await startTestApp(EXECUTOR_CALLED_BY_TEST);
    const onPostgres = first.database.kind === 'postgres';
    const nodes = [first];
    try {
      await new EngineRest(first.http).deployOk(fixture('timer-wave'), 'timer-wave.bpmn');
      const startingAt = Date.now();
      await startInstances(first, WAVE, WAVE_SIZE);
      const startedIn = Date.now() - startingAt;
      const db = first.app.get(DataSource);
      expect(await count(db, `job WHERE type = 'timer'`)).toBe(WAVE_SIZE);
      // Two more nodes on the same database (PGlite is one process: there the one node competes with itself).
      if (onPostgres)
        nodes.push(
          await startTestApp(EXECUTOR_CALLED_BY_TEST, first.database),
          await startTestApp(EXECUTOR_CALLED_BY_TEST, first.database),
        );
      for (const node of nodes) node.app.get(Clock).advance(HOUR + 60_000);
      const firingAt = Date.now();

      const executors = nodes.map((node) => node.app.get(JobExecutor));
      let ran: number[];
      if (onPostgres) {
        ran = await Promise.all(executors.map((executor) => executor.runDueJobs()));
        expect(ran.reduce((a, b) => a + b, 0)).toBe(WAVE_SIZE);
        for (const byNode of ran) expect(byNode).toBeGreaterThan(0); // all three really competed
      } else {
        const [executor] = executors;
        executor.wake(); // the scheduled run, alongside three direct calls
        ran = await Promise.all([1, 2, 3].map(() => executor.runDueJobs()));
        expect(ran.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(WAVE_SIZE);
      }
      // wake()'s run is not awaited: the wave is over when no job is left.
      await waitFor(
        'every timer job gone',
        async () => ((await count(db, 'job')) === 0 ? true : undefined),
        30_000,
      );
      const firedIn = Date.now() - firingAt;

      const fired = await db.query<{ activity_id: string; n: number }[]>(
        `SELECT activity_id, count(*)::int AS n FROM history_activity_instance
          WHERE definition_key = $1 AND end_time IS NOT NULL GROUP BY activity_id ORDER BY activity_id`,
        [WAVE],
      );
      expect(fired).toEqual([
        { activity_id: 'end', n: WAVE_SIZE },
        { activity_id: 'start', n: WAVE_SIZE },
        { activity_id: 'waitHour', n: WAVE_SIZE },
      ]);
      const twice = await db.query(
        `SELECT instance_id, activity_id, count(*)::int AS n FROM history_activity_instance
          WHERE definition_key = $1 GROUP BY instance_id, activity_id HAVING count(*) > 1`,
        [WAVE],
      );
      expect(twice).toEqual([]);
      expect(
        await count(
          db,
          `history_process_instance WHERE definition_key = $1 AND state = 'COMPLETED' AND end_time IS NOT NULL`,
          [WAVE],
        ),
      ).toBe(WAVE_SIZE);
      expect(await count(db, 'process_instance')).toBe(0);
      expect(await count(db, 'incident')).toBe(0);
      process.stdout.write(
        `timer wave on ${first.database.kind}: ${WAVE_SIZE} instances started in ${startedIn} ms, ` +
          `fired in ${firedIn} ms by ${nodes.length} node(s), jobs per runDueJobs(): ${ran.join('/')}\n`,
      );
    } finally {
      for (const node of nodes.slice(1)) await node.stop();
      await first.close();
    }
  }, 180_000);

  it('fires a timer that fell due while every node was down at the next start', async () => {
    const down = await startTestApp(); // executor off: nothing fires here
    let up: TestApp | null = null;
    try {
      const api = new EngineRest(down.http);
      await api.deployOk(fixture('short-timer'), 'short-timer.bpmn');
      const instance = await api.start(SHORT_TIMER);
      const [job] = await down.app
        .get(DataSource)
        .query<{ due_date: Date }[]>(`SELECT due_date FROM job WHERE instance_id = $1`, [
          instance.id,
        ]);
      await down.stop();
      const dueInMs = job.due_date.getTime() - Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(dueInMs, 0) + 200));

      up = await startTestApp({ CONVEYOR_JOB_EXECUTOR: 'true' }, down.database); // default poll
      const upApi = new EngineRest(up.http);
      const tasks = await waitFor(
        'the overdue timer fired',
        async () => {
          const open = await upApi.tasks({ processInstanceId: instance.id });
          return open.length > 0 ? open : undefined;
        },
        10_000,
      );
      expect(tasks.map((task) => task.name)).toEqual(['Перезвонить клиенту']);
      await request(up.http)
        .get('/engine-rest/job')
        .query({ processInstanceId: instance.id })
        .expect(200, []);
    } finally {
      await up?.stop();
      await down.close();
    }
  });

  it('takes over a job from a node killed mid-run once its lease expires: a failed attempt, then retried to completion', async () => {
    const db = await createTestDatabase();
    const processesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-nodes-processes-'));
    fs.copyFileSync(fixturePath('slow-script'), path.join(processesDir, 'slow-script.bpmn'));
    const env = {
      ...db.env,
      CONVEYOR_PROCESSES_DIR: processesDir,
      CONVEYOR_JOB_LOCK_MS: '3000',
      CONVEYOR_JOB_POLL_MS: '200',
      CONVEYOR_SCRIPT_TIMEOUT_MS: '10000',
      CONVEYOR_ADMIN_USER: TEST_ADMIN.user,
      CONVEYOR_ADMIN_PASSWORD: TEST_ADMIN.password,
      LOG_LEVEL: 'warn',
    };
    const nodes: Node[] = [];
    try {
      nodes.push(await spawnNode(env));
      // Started one after the other: two nodes migrating one fresh database at once is another test.
      if (db.kind === 'postgres') nodes.push(await spawnNode(env));
      const instance = await restJson<{ id: string }>(
        nodes[0].port,
        `/engine-rest/process-definition/key/${SLOW_SCRIPT}/start`,
        { method: 'POST', body: '{}' },
      );

      const { victim, leaseUntil } = await killTheNodeRunningTheJob(db, nodes, instance.id);
      // PostgreSQL: the other node; PGlite: the next process on the same data directory.
      let survivor = nodes.find((node) => node !== victim);
      if (!survivor) nodes.push((survivor = await spawnNode(env)));
      const ask = <T>(url: string) => restJson<T>(survivor.port, url);
      const jobsOfInstance = `/engine-rest/job?processInstanceId=${instance.id}`;

      const failed = await waitFor(
        'the abandoned job counted as a failed attempt',
        async () => {
          const [job] = await ask<JobDto[]>(jobsOfInstance);
          return job?.retries === 2 ? job : undefined;
        },
        15_000,
        200,
      );
      expect(failed.exceptionMessage).toContain('lease expired');
      // Due again 10 s (the default first backoff) after the takeover, which waited for the lease.
      expect(Date.parse(failed.dueDate) - 10_000).toBeGreaterThanOrEqual(leaseUntil.getTime());

      // Retried after the default 10 s backoff, by the survivor: the instance moves on.
      const tasks = await waitFor(
        'the retried job completed',
        async () => {
          const open = await ask<{ name: string }[]>(
            `/engine-rest/task?processInstanceId=${instance.id}`,
          );
          return open.length > 0 ? open : undefined;
        },
        30_000,
        250,
      );
      expect(tasks.map((task) => task.name)).toEqual(['Проверить скоринг']);
      expect(await ask(jobsOfInstance)).toEqual([]);
      // The killed run left nothing behind: one script run in history, its variable set once.
      const scored = await ask<{ endTime: string | null }[]>(
        `/engine-rest/history/activity-instance?processInstanceId=${instance.id}&activityId=score`,
      );
      expect(scored).toEqual([expect.objectContaining({ endTime: expect.any(String) })]);
      expect(
        await ask(`/engine-rest/process-instance/${instance.id}/variables/scored`),
      ).toMatchObject({ value: true, type: 'Boolean' });
    } catch (error) {
      const outputs = nodes.map(
        (node) => `--- pid ${node.service.child.pid}\n${node.service.output()}`,
      );
      throw new Error(`${(error as Error).message}\n${outputs.join('\n')}`, { cause: error });
    } finally {
      for (const node of nodes) {
        node.service.child.kill('SIGTERM');
        await node.service.exited;
      }
      await db.drop();
      fs.rmSync(processesDir, { recursive: true, force: true });
    }
  }, 120_000);
});

interface Node {
  service: ServiceProcess;
  port: number;
}

interface JobDto {
  retries: number;
  exceptionMessage: string | null;
  dueDate: string;
}

async function spawnNode(env: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const service = spawnService({ ...env, PORT: String(port) });
  await waitForHealth(port, 60_000);
  return { service, port };
}

async function restJson<T = unknown>(
  port: number,
  url: string,
  init: RequestInit = {},
): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      authorization: basicAuth(TEST_ADMIN.user, TEST_ADMIN.password),
    },
    signal: AbortSignal.timeout(20_000), // a node busy in a script answers late, not never
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface JobLock {
  lock_owner: string | null;
  lock_expiration: Date | null;
  retries: number;
}

/**
 * Waits until a node holds the job (lock_owner in the database) and runs it (its event loop is busy
 * in the script), SIGKILLs that node, and checks the job is still there, locked by the dead node.
 * On PGlite the one process cannot be asked while busy, so the data directory is read after the kill.
 */
async function killTheNodeRunningTheJob(
  db: TestDatabase,
  nodes: Node[],
  instanceId: string,
): Promise<{ victim: Node; leaseUntil: Date }> {
  const readJob = (): Promise<JobLock | undefined> =>
    db.kind === 'postgres'
      ? readPostgresJob(db.env.DATABASE_URL, instanceId)
      : readEmbeddedJob(db.env.CONVEYOR_DATA_DIR, instanceId);
  let victim = nodes[0];
  if (db.kind === 'postgres') {
    const owner = await waitFor(
      'a node locked the job',
      async () => (await readJob())?.lock_owner ?? undefined,
      10_000,
      50,
    );
    victim = nodes.find((node) => pidOf(owner) === node.service.child.pid) ?? victim;
  }
  await waitFor('the node is busy in the script', () => busy(victim.port), 10_000, 0);
  victim.service.child.kill('SIGKILL');
  await victim.service.exited;
  const job = await readJob();
  expect(job).toBeDefined();
  expect(pidOf(job?.lock_owner ?? '')).toBe(victim.service.child.pid);
  expect(job?.retries).toBe(3);
  return { victim, leaseUntil: new Date(job?.lock_expiration ?? 0) };
}

/** A node id is `host:pid:random` (src/config/load-config.ts). */
function pidOf(lockOwner: string): number | undefined {
  const match = /:(\d+):[0-9a-f]+$/.exec(lockOwner);
  return match ? Number(match[1]) : undefined;
}

/** True when the node does not answer /health within 300 ms: its event loop runs the script. */
async function busy(port: number): Promise<true | undefined> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(300) });
    return undefined;
  } catch {
    return true;
  }
}

const JOB_LOCK_OF = `SELECT lock_owner, lock_expiration, retries FROM job WHERE instance_id = $1`;

async function readPostgresJob(url: string, instanceId: string): Promise<JobLock | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<JobLock>(JOB_LOCK_OF, [instanceId])).rows[0];
  } finally {
    await client.end();
  }
}

/** Opens the embedded data directory of the dead node in this process, as the next node would. */
async function readEmbeddedJob(dataDir: string, instanceId: string): Promise<JobLock | undefined> {
  const embedded = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions: { pgcrypto } });
  try {
    return (await embedded.query<JobLock>(JOB_LOCK_OF, [instanceId])).rows[0];
  } finally {
    await embedded.close();
  }
}
