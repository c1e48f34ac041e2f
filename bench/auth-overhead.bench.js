// Benchmark: what authentication costs every request. A cheap authenticated GET
// (/engine-rest/task/count on an empty task table) with N concurrent clients, as an admin, an
// employee and a manager with a team of 50 below them, on a throwaway PostgreSQL: requests/s and
// p50/p95. Compare builds with BENCH_SERVICE_ENTRY. See bench/README.md.
import { performance } from 'node:perf_hooks';
import { startService } from './lib/conveyor-service.js';
import { createLifecycle, intFromEnv } from './lib/lifecycle.js';
import { startLocalPostgres } from './lib/local-postgres.js';
import { BENCH_ADMIN, basicAuthorization } from './lib/rest-clients.js';
import { fixed, machineInfo, percentile, table } from './lib/stats.js';

const config = {
  concurrency: intFromEnv('BENCH_CONCURRENCY', 4),
  seconds: intFromEnv('BENCH_SECONDS', 10),
  warmupSeconds: intFromEnv('BENCH_WARMUP_SECONDS', 3),
  maxSeconds: intFromEnv('BENCH_MAX_SECONDS', 300),
  serviceEntry: process.env.BENCH_SERVICE_ENTRY || undefined,
};
const life = createLifecycle(config.maxSeconds);

/** A manager `boss` over 5 team leads (managers too) with 9 employees each: a team of 50. */
const PEOPLE = `
  INSERT INTO identity_group (id, name, type) VALUES ('conveyor-managers', 'Managers', 'SYSTEM'),
    ('sales', 'Sales', 'WORKFLOW'), ('support', 'Support', 'WORKFLOW') ON CONFLICT DO NOTHING;
  INSERT INTO identity_user (id, first_name, password_hash)
    SELECT 'boss', 'Boss', password_hash FROM identity_user WHERE id = '${BENCH_ADMIN.user}';
  INSERT INTO identity_user (id, first_name, password_hash, manager_id)
    SELECT 'lead' || l, 'Lead', password_hash, 'boss' FROM identity_user, generate_series(1, 5) l
     WHERE id = '${BENCH_ADMIN.user}';
  INSERT INTO identity_user (id, first_name, password_hash, manager_id)
    SELECT 'emp' || l || '_' || e, 'Employee', password_hash, 'lead' || l
      FROM identity_user, generate_series(1, 5) l, generate_series(1, 9) e
     WHERE id = '${BENCH_ADMIN.user}';
  INSERT INTO identity_membership (user_id, group_id)
    SELECT id, CASE WHEN id LIKE '%_1' THEN 'support' ELSE 'sales' END FROM identity_user
     WHERE id <> '${BENCH_ADMIN.user}'
    UNION ALL SELECT id, 'conveyor-managers' FROM identity_user WHERE id = 'boss' OR id LIKE 'lead%';
  ANALYZE;`;

/** `concurrency` client loops for `seconds`: requests/s, p50 and p95 (after a warm-up run). */
async function load(service, user, seconds = config.seconds) {
  if (seconds === config.seconds) await load(service, user, config.warmupSeconds);
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  const headers = { authorization: basicAuthorization(user) };
  const url = `${service.baseUrl}/engine-rest/task/count`;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const response = await globalThis.fetch(url, { headers });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${user}: ${response.status} ${text}`);
      latencies.push(performance.now() - t0);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: config.concurrency }, client));
  const elapsed = performance.now() - began;
  latencies.sort((a, b) => a - b);
  return [
    user,
    fixed((latencies.length * 1000) / elapsed, 0),
    fixed(percentile(latencies, 50)),
    fixed(percentile(latencies, 95)),
  ];
}

async function main() {
  const machine = machineInfo();
  console.log(`machine: ${machine.cores} cores, Node ${machine.node}, load ${machine.load}`);
  const pg = life.track(await startLocalPostgres(), 'PostgreSQL');
  const url = await pg.createDatabase('auth');
  const service = life.track(
    await startService({
      databaseUrl: url,
      entry: config.serviceEntry,
      env: { CONVEYOR_JOB_EXECUTOR: 'false' },
    }),
    'service',
  );
  await pg.query('auth', PEOPLE);
  console.log(
    `${config.concurrency} clients, ${config.seconds} s per caller, ${config.serviceEntry ?? 'dist/main.js'}`,
  );
  const rows = [];
  for (const user of [BENCH_ADMIN.user, 'emp1_2', 'boss']) rows.push(await load(service, user));
  console.log(`load average at the end: ${machineInfo().load}`);
  console.log(table(['GET /engine-rest/task/count as', 'requests/s', 'p50 ms', 'p95 ms'], rows));
}

main().then(
  () => life.shutdown(0),
  (error) => life.shutdown(1, error.stack ?? String(error)),
);
