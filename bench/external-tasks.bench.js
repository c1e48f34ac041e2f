// Benchmark: concurrent external task workers (fetchAndLock → complete) against instances waiting
// at an external service task, on embedded PGlite and on PostgreSQL. Configuration by environment
// variables: see bench/README.md.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startService } from './lib/conveyor-service.js';
import { runWorkers } from './lib/external-workers.js';
import { createLifecycle, intFromEnv, intListFromEnv } from './lib/lifecycle.js';
import { DEFAULT_PG_BIN, postgresAvailable, startLocalPostgres } from './lib/local-postgres.js';
import { call, deploy } from './lib/rest-clients.js';
import { startInstances } from './lib/start-instances.js';
import { busyShare, fixed, machineInfo, machineTicks, summarize, table } from './lib/stats.js';

const KEY = 'external_work';
const FILE = 'external-task.bpmn';
const TOPIC = 'bench-work';
const xml = readFileSync(new URL(`./fixtures/${FILE}`, import.meta.url), 'utf8');

const config = {
  databases: (process.env.BENCH_EXTERNAL_DATABASES ?? 'pglite,postgres').split(','),
  workers: intFromEnv('BENCH_EXTERNAL_WORKERS', 10),
  maxTasks: intListFromEnv('BENCH_EXTERNAL_MAX_TASKS', '1,10'),
  pool: intFromEnv('BENCH_EXTERNAL_INSTANCES', 2000),
  seconds: intFromEnv('BENCH_EXTERNAL_SECONDS', 20),
  warmupSeconds: intFromEnv('BENCH_EXTERNAL_WARMUP_SECONDS', 3),
  seedConcurrency: intFromEnv('BENCH_SEED_CONCURRENCY', 16),
  requestTimeoutMs: intFromEnv('BENCH_REQUEST_TIMEOUT_MS', 30_000),
  maxSeconds: intFromEnv('BENCH_MAX_SECONDS', 900),
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  pgBin: process.env.BENCH_PG_BIN || DEFAULT_PG_BIN,
  serviceEntry: process.env.BENCH_SERVICE_ENTRY || undefined,
  serviceNodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean),
};
if (config.databases.some((d) => !['pglite', 'postgres'].includes(d)))
  throw new Error('BENCH_EXTERNAL_DATABASES must list pglite and/or postgres');
const life = createLifecycle(config.maxSeconds);

const count = async (baseUrl, path) =>
  (await call(baseUrl, 'count', 'GET', path, { expect: 200, timeoutMs: config.requestTimeoutMs }))
    .count;
const openTasks = (baseUrl) =>
  count(baseUrl, `/engine-rest/external-task/count?topicName=${TOPIC}`);

/** Starts instances until `config.pool` external tasks wait; returns the start rate. */
async function topUp(baseUrl) {
  const missing = config.pool - (await openTasks(baseUrl));
  if (missing <= 0) return null;
  const seeded = await startInstances(baseUrl, KEY, {
    count: missing,
    concurrency: config.seedConcurrency,
    timeoutMs: config.requestTimeoutMs,
  });
  if (seeded.errors.length > 0)
    throw new Error(`starting instances failed:\n  ${seeded.errors.slice(0, 5).join('\n  ')}`);
  return seeded;
}

/** One maxTasks level: pool topped up, workers run, then the service's counts are checked. */
async function level(service, maxTasks, pgCpuMs, completedBefore) {
  const seeded = await topUp(service.baseUrl);
  if (seeded)
    console.log(
      `  ${seeded.started} instances started in ${fixed(seeded.elapsedMs / 1000, 1)} s (${fixed(seeded.perSecond, 1)}/s)`,
    );
  const openBefore = await openTasks(service.baseUrl);
  const cpu0 = service.cpuMs();
  const pg0 = pgCpuMs();
  const machine0 = machineTicks();
  const run = await runWorkers(service.baseUrl, {
    workers: config.workers,
    maxTasks,
    topic: TOPIC,
    lockDuration: 600_000, // never expires during a run: a second lock would be a duplicate
    warmupMs: config.warmupSeconds * 1000,
    seconds: config.seconds,
    timeoutMs: config.requestTimeoutMs,
  });
  const machineBusy = busyShare(machine0, machineTicks());
  const serviceCpuMs = service.cpuMs() - cpu0;
  const databaseCpuMs = pgCpuMs() - pg0;
  const openAfter = await openTasks(service.baseUrl);
  const running = await count(
    service.baseUrl,
    `/engine-rest/process-instance/count?processDefinitionKey=${KEY}`,
  );
  const finished = await count(
    service.baseUrl,
    '/engine-rest/history/activity-instance/count?activityId=work&finished=true',
  );
  const problems = [...run.duplicates.map((d) => `locked twice: ${d}`)];
  const expect = (what, actual, expected) => {
    if (actual !== expected) problems.push(`${what}: ${actual}, expected ${expected}`);
  };
  expect('open external tasks after the run', openAfter, openBefore - run.completedInAll);
  expect('running instances', running, openAfter);
  expect('finished `work` activities in history', finished, completedBefore + run.completedInAll);
  return { maxTasks, run, serviceCpuMs, databaseCpuMs, machineBusy, problems };
}

async function benchDatabase(database, pg) {
  let databaseUrl;
  let label = 'PGlite (embedded)';
  if (database === 'postgres') {
    databaseUrl =
      config.databaseUrl ?? (await pg().then((p) => p.createDatabase('external_tasks')));
    label = config.databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PostgreSQL (local)';
  }
  const t0 = performance.now();
  const service = life.track(
    await startService({
      databaseUrl,
      entry: config.serviceEntry,
      nodeArgs: config.serviceNodeArgs,
    }),
    `service on ${label}`,
  );
  console.log(`\n${label}: service up in ${fixed((performance.now() - t0) / 1000, 1)} s`);
  const pgCpuMs = () => (database === 'postgres' && !config.databaseUrl ? pg.cpuMs() : NaN);
  await deploy(service.baseUrl, FILE, xml, 'external tasks bench');
  const levels = [];
  let completed = 0;
  for (const maxTasks of config.maxTasks) {
    const result = await level(service, maxTasks, pgCpuMs, completed);
    completed += result.run.completedInAll;
    levels.push(result);
    console.log(
      `  maxTasks ${maxTasks}: ${result.run.roundTrips.length} round trips, ${result.run.errors.length} errors, ${result.problems.length} problems`,
    );
    if (service.exited) throw new Error(`service exited: ${JSON.stringify(service.exited)}`);
    if (result.run.errors.length >= 20) break;
  }
  const logTail = service.logTail(20);
  await service.stop();
  life.untrack(service);
  return { label, levels, logTail };
}

function printDatabase({ label, levels, logTail }) {
  console.log(
    `\n${label}: ${config.workers} workers, fetchAndLock then the fetched tasks completed concurrently, ` +
      `${config.seconds} s measured after ${config.warmupSeconds} s warm-up:\n`,
  );
  const p = (samples) => {
    const s = summarize(samples.map((r) => r.ms));
    return `${fixed(s.median, 1)} / ${fixed(s.p99, 1)}`;
  };
  console.log(
    table(
      [
        'maxTasks',
        'round trips/s',
        'tasks/s',
        'tasks per trip',
        'round trip p50 / p99 ms',
        'fetchAndLock p50 / p99',
        'complete p50 / p99',
        'service CPU ms/task',
        'PostgreSQL CPU ms/task',
        'machine busy',
        'errors',
      ],
      levels.map(({ maxTasks, run, serviceCpuMs, databaseCpuMs, machineBusy }) => [
        maxTasks,
        fixed(run.roundTripsPerSecond, 1),
        fixed(run.tasksPerSecond, 1),
        fixed(run.completedInWindow / run.roundTrips.length, 1),
        p(run.roundTrips),
        p(run.fetches),
        p(run.completes),
        fixed(serviceCpuMs / run.completedInAll, 1),
        fixed(databaseCpuMs / run.completedInAll, 1),
        `${fixed(machineBusy * 100, 0)} %`,
        run.errors.length,
      ]),
    ),
  );
  for (const { maxTasks, run, problems } of levels) {
    if (run.dryAt !== null)
      console.log(`\nmaxTasks ${maxTasks}: no task left after ${fixed(run.dryAt / 1000, 1)} s`);
    for (const problem of problems) console.log(`\nmaxTasks ${maxTasks}: PROBLEM: ${problem}`);
    if (run.errors.length === 0) continue;
    console.log(`\nmaxTasks ${maxTasks}: ${run.errors.length} failed requests; first ones:`);
    for (const message of run.errors.slice(0, 5)) console.log(`  - ${message}`);
  }
  if (levels.some((l) => l.problems.length || l.run.errors.length))
    console.log(`\n--- service log tail ---\n${logTail}`);
}

async function main() {
  const machine = machineInfo();
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.load}, ${machine.date}`,
  );
  let server = null;
  const pg = async () => {
    server ??= life.track(await startLocalPostgres({ bin: config.pgBin }), 'PostgreSQL');
    return server;
  };
  pg.cpuMs = () => server?.cpuMs() ?? NaN;
  const results = [];
  for (const database of config.databases) {
    if (database === 'postgres' && !config.databaseUrl && !postgresAvailable(config.pgBin)) {
      console.log(`\nPostgreSQL skipped: no initdb/pg_ctl in ${config.pgBin} (set BENCH_PG_BIN)`);
      continue;
    }
    results.push(await benchDatabase(database, pg));
  }
  results.forEach(printDatabase);
  console.log(`\nload average at the end: ${machineInfo().load}`);
  const failing = results.some((r) =>
    r.levels.some((l) => l.problems.length || l.run.errors.length),
  );
  return failing ? 1 : 0;
}

main().then(
  (code) => life.shutdown(code),
  (error) => life.shutdown(1, error.stack ?? String(error)),
);
