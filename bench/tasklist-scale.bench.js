// Benchmark: the tasklist at scale (issue 8 item 3). One million open tasks across 50,000 users
// and 200 groups, bulk-loaded with SQL into the service's own schema, then GET /engine-rest/task
// through the real service as an admin, an employee and a manager: p50/p95 per query kind, and the
// EXPLAIN (ANALYZE, BUFFERS) plan of each kind's SQL saved to bench/plans/. See bench/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startService } from './lib/conveyor-service.js';
import { createLifecycle, intFromEnv } from './lib/lifecycle.js';
import { disableAutoExplain, enableAutoExplain, logOffset, plansSince } from './lib/query-plans.js';
import { DEFAULT_PG_BIN, startLocalPostgres } from './lib/local-postgres.js';
import { BENCH_ADMIN, basicAuthorization } from './lib/rest-clients.js';
import { fixed, machineInfo, percentile, table } from './lib/stats.js';
import { clientPhone, loadTasklist, TEAM_SIZE, teamGroups, userId } from './lib/tasklist-data.js';

const config = {
  tasks: intFromEnv('BENCH_TASKS', 1_000_000),
  users: intFromEnv('BENCH_USERS', 50_000),
  groups: intFromEnv('BENCH_GROUPS', 200),
  requests: intFromEnv('BENCH_REQUESTS', 200),
  warmup: Math.max(20, intFromEnv('BENCH_WARMUP', 20)), // covers the 20 subjects: no password check measured
  maxSeconds: intFromEnv('BENCH_MAX_SECONDS', 1800),
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  pgLog: process.env.BENCH_PG_LOG || undefined,
  plansDir: process.env.BENCH_PLANS_DIR || path.join(import.meta.dirname, 'plans'),
  serviceEntry: process.env.BENCH_SERVICE_ENTRY || undefined,
};
const life = createLifecycle(config.maxSeconds);
const teams = config.users / TEAM_SIZE;
const SORTED_PAGE = 'sortBy=dueDate&sortOrder=asc&maxResults=50';

/** Subject k of a kind's rotation: a team spread over all of them, its people and groups. */
function subject(k) {
  const team = (k * 37) % teams;
  const [group] = teamGroups(team, config.groups);
  return {
    team,
    group,
    manager: userId(team * TEAM_SIZE),
    employee: userId(team * TEAM_SIZE + 2), // even: in both of the team's groups
    member: userId(team * TEAM_SIZE + 1 + (k % (TEAM_SIZE - 1))),
    phone: clientPhone(((k * 49_999 + 17) % config.tasks) + 1),
  };
}

const phoneFilter = (s) => `processVariables=${encodeURIComponent(`clientPhone_eq_${s.phone}`)}`;
/** Each kind: who asks, and the request of rotation step k. */
const KINDS = [
  ['admin, candidateGroup', () => BENCH_ADMIN.user, (s) => `candidateGroup=${s.group}`],
  ['admin, assignee', () => BENCH_ADMIN.user, (s) => `assignee=${s.employee}`],
  ['employee, candidateGroup', (s) => s.employee, (s) => `candidateGroup=${s.group}`],
  ['employee, assignee (self)', (s) => s.employee, (s) => `assignee=${s.employee}`],
  ['employee, no filter', (s) => s.employee, () => ''],
  ['manager, candidateGroup', (s) => s.manager, (s) => `candidateGroup=${s.group}`],
  ['manager, assignee (team)', (s) => s.manager, (s) => `assignee=${s.member}`],
  ['manager, no filter', (s) => s.manager, () => ''],
  ['admin, variable clientPhone', () => BENCH_ADMIN.user, phoneFilter],
  ['employee, variable clientPhone', (s) => s.employee, phoneFilter],
  ['manager, variable clientPhone', (s) => s.manager, phoneFilter],
];
const pathOf = (filter) => `/engine-rest/task?${filter ? `${filter}&` : ''}${SORTED_PAGE}`;

async function getJson(service, user, url) {
  const t0 = performance.now();
  const response = await globalThis.fetch(service.baseUrl + url, {
    headers: { authorization: basicAuthorization(user) },
    signal: globalThis.AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const ms = performance.now() - t0;
  if (response.status !== 200)
    throw new Error(`GET ${url} as ${user} → ${response.status} ${text}`);
  return { ms, body: JSON.parse(text) };
}

/** The database: BENCH_DATABASE_URL, or a throwaway PostgreSQL started here. */
async function openDatabase() {
  if (config.databaseUrl) return { url: config.databaseUrl, logFile: config.pgLog };
  const server = life.track(await startLocalPostgres({ bin: DEFAULT_PG_BIN }), 'PostgreSQL');
  console.log(`PostgreSQL ${server.version} in ${server.dir}`);
  return { url: await server.createDatabase('tasklist'), logFile: server.logFile };
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function start(url) {
  const t0 = performance.now();
  const service = life.track(
    await startService({
      databaseUrl: url,
      entry: config.serviceEntry,
      startTimeoutMs: 900_000, // a new index migration on a million rows takes a while
      env: { CONVEYOR_JOB_EXECUTOR: 'false' },
    }),
    'service',
  );
  console.log(`service up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return service;
}

async function stop(service) {
  await service.stop();
  life.untrack(service);
}

/** Loads the data once: a deployment and one real instance through the API, the rest in SQL. */
async function ensureLoaded(service, url) {
  const loaded = await withClient(
    url,
    async (c) => (await c.query('SELECT count(*)::int AS n FROM task')).rows[0].n,
  );
  if (loaded >= config.tasks) {
    console.log(`database already holds ${loaded} tasks: not loading`);
    return;
  }
  const xml = readFileSync(new URL('./fixtures/tasklist.bpmn', import.meta.url), 'utf8');
  const form = new globalThis.FormData();
  form.append('deployment-name', 'tasklist bench');
  form.append('data', new globalThis.Blob([xml]), 'tasklist.bpmn');
  const deployed = await globalThis.fetch(`${service.baseUrl}/engine-rest/deployment/create`, {
    method: 'POST',
    headers: { authorization: basicAuthorization() },
    body: form,
  });
  if (deployed.status !== 200)
    throw new Error(`deploy → ${deployed.status} ${await deployed.text()}`);
  const definition = Object.values((await deployed.json()).deployedProcessDefinitions)[0];
  const started = await globalThis.fetch(
    `${service.baseUrl}/engine-rest/process-definition/key/${definition.key}/start`,
    {
      method: 'POST',
      headers: { authorization: basicAuthorization(), 'content-type': 'application/json' },
      body: JSON.stringify({
        businessKey: 'order-0',
        variables: {
          clientPhone: { value: clientPhone(0), type: 'String' },
          dealAmount: { value: 1234.5, type: 'Double' },
        },
      }),
    },
  );
  if (started.status !== 200) throw new Error(`start → ${started.status} ${await started.text()}`);
  await withClient(url, async (client) => {
    const sample = await client.query(
      `SELECT t.*, (SELECT json_agg(l) FROM task_identity_link l WHERE l.task_id = t.id) AS links,
              (SELECT json_agg(json_build_object('name', v.name, 'type', v.type, 'value', v.value,
                 'text_value', v.text_value, 'number_value', v.number_value)) FROM variable v
                WHERE v.instance_id = t.instance_id) AS variables
         FROM task t`,
    );
    console.log('the API-made task the SQL rows imitate:', JSON.stringify(sample.rows[0]));
    const [{ password_hash: passwordHash }] = (
      await client.query('SELECT password_hash FROM identity_user WHERE id = $1', [
        BENCH_ADMIN.user,
      ])
    ).rows;
    console.log(`loading ${config.tasks} tasks, ${config.users} users, ${config.groups} groups`);
    const t0 = performance.now();
    await loadTasklist(client, { ...config, definition, passwordHash }, (line) =>
      console.log(line),
    );
    console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  });
}

/** Every kind: warm-up, then `requests` sequential requests rotating over 20 subjects. */
async function measure(service) {
  const rows = [];
  for (const [name, who, filter] of KINDS) {
    const samples = [];
    const sizes = [];
    for (let i = 0; i < config.warmup + config.requests; i++) {
      const s = subject(i % 20);
      const { ms, body } = await getJson(service, who(s), pathOf(filter(s)));
      if (i >= config.warmup) {
        samples.push(ms);
        sizes.push(body.length);
      }
    }
    samples.sort((a, b) => a - b);
    sizes.sort((a, b) => a - b);
    rows.push([
      name,
      fixed(percentile(samples, 50)),
      fixed(percentile(samples, 95)),
      fixed(percentile(samples, 99)),
      fixed(samples.at(-1)),
      percentile(sizes, 50),
    ]);
    console.log(`  ${name}: p50 ${rows.at(-1)[1]} ms, p95 ${rows.at(-1)[2]} ms`);
  }
  return rows;
}

/** One request per kind on a service whose connections log their plans; each saved to a file. */
async function capturePlans(url, logFile) {
  if (!logFile) {
    console.log('no PostgreSQL log (BENCH_PG_LOG): plans not captured');
    return;
  }
  const db = await withClient(
    url,
    async (c) => (await c.query('SELECT current_database() AS d')).rows[0].d,
  );
  const admin = { query: (_db, sql) => withClient(url, (c) => c.query(sql)) };
  await enableAutoExplain(admin, db);
  const service = await start(url);
  try {
    mkdirSync(config.plansDir, { recursive: true });
    for (const [name, who, filter] of KINDS) {
      const s = subject(3);
      const url = pathOf(filter(s));
      await getJson(service, who(s), url); // warm: the caller's password check and caches
      const offset = logOffset(logFile);
      const { ms } = await getJson(service, who(s), url);
      const plans = plansSince(logFile, offset, /SELECT t\.\* FROM/);
      const file = path.join(
        config.plansDir,
        `${name.replace(/[^a-z]+/gi, '-').replace(/-$/, '')}.txt`,
      );
      writeFileSync(
        file,
        `-- GET ${url} as ${who(s)} (${ms.toFixed(1)} ms over HTTP with auto_explain on)\n${plans.join('\n\n')}\n`,
      );
    }
    console.log(`plans written to ${config.plansDir}`);
  } finally {
    await stop(service);
    await disableAutoExplain(admin, db);
  }
}

async function main() {
  const machine = machineInfo();
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load ${machine.load}`,
  );
  const { url, logFile } = await openDatabase();
  let service = await start(url); // runs the migrations
  await ensureLoaded(service, url);
  await stop(service);
  // A migration that rewrote a big table leaves it unvacuumed (no index-only scans) until
  // autovacuum comes by; measure the steady state, as after autovacuum.
  const t0 = performance.now();
  await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
  console.log(`vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  service = await start(url); // a fresh service, as after a restart
  service = await start(url);
  console.log(`${config.requests} requests per kind after ${config.warmup} warm-up, sequential:`);
  const rows = await measure(service);
  await stop(service);
  await capturePlans(url, logFile);
  console.log(`\nload average at the end: ${machineInfo().load}`);
  console.log(
    table(
      [
        'GET /engine-rest/task (first page of 50, by due date)',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'rows',
      ],
      rows,
    ),
  );
}

main().then(
  () => life.shutdown(0),
  (error) => life.shutdown(1, error.stack ?? String(error)),
);
