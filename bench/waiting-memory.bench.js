// Benchmark: waiting instances cost disk, not memory (issue 8 item 4). The service's resident
// memory and restart time with a few instances, then with 100,000 more waiting at a user task with
// a timer (cloned in SQL from one made through the API). See bench/README.md.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startService } from './lib/conveyor-service.js';
import { createLifecycle, intFromEnv } from './lib/lifecycle.js';
import { startLocalPostgres } from './lib/local-postgres.js';
import { basicAuthorization } from './lib/rest-clients.js';
import { fixed, machineInfo, table } from './lib/stats.js';
import { cloneInstance } from './lib/waiting-clones.js';

const config = {
  instances: intFromEnv('BENCH_WAITING', 100_000),
  seed: intFromEnv('BENCH_SEED', 20),
  settleSeconds: intFromEnv('BENCH_SETTLE_SECONDS', 15),
  maxSeconds: intFromEnv('BENCH_MAX_SECONDS', 900),
  serviceEntry: process.env.BENCH_SERVICE_ENTRY || undefined,
};
const life = createLifecycle(config.maxSeconds);
const headers = { authorization: basicAuthorization() };

async function api(service, method, path, body) {
  const response = await globalThis.fetch(service.baseUrl + path, {
    method,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** VmRSS and VmHWM of a process in MB, from /proc (Linux). */
function memoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A service started, timed from spawn to a healthy /health (database ping, 200 ms polling). */
async function start(url) {
  const t0 = performance.now();
  const service = life.track(
    await startService({
      databaseUrl: url,
      entry: config.serviceEntry,
    }),
    'service',
  );
  return { service, readyMs: performance.now() - t0 };
}

/**
 * The same work in both states: task and instance lists and counts, and a few instances started
 * and completed; then idle for the settle time, sampling RSS each second (the lowest is reported,
 * V8 returning memory lazily).
 */
async function exercise(service) {
  for (let i = 0; i < 50; i++) {
    await api(service, 'GET', '/engine-rest/task?processDefinitionKey=waiting&maxResults=50');
    await api(service, 'GET', '/engine-rest/task/count');
    await api(service, 'GET', '/engine-rest/process-instance?maxResults=50');
    await api(service, 'GET', '/engine-rest/job/count');
  }
  for (let i = 0; i < 10; i++) {
    const { id } = await api(
      service,
      'POST',
      '/engine-rest/process-definition/key/waiting/start',
      {},
    );
    const [task] = await api(service, 'GET', `/engine-rest/task?processInstanceId=${id}`);
    await api(service, 'POST', `/engine-rest/task/${task.id}/complete`, {});
  }
  const afterWork = memoryMb(service.pid);
  let settled = afterWork.rss;
  for (let s = 0; s < config.settleSeconds; s++) {
    await sleep(1000);
    settled = Math.min(settled, memoryMb(service.pid).rss);
  }
  return { afterWork, settled };
}

async function measure(label, url) {
  const { service, readyMs } = await start(url);
  const atReady = memoryMb(service.pid);
  const { afterWork, settled } = await exercise(service);
  const peak = memoryMb(service.pid).peak;
  await service.stop();
  life.untrack(service);
  const row = [label, fixed(readyMs / 1000, 2), fixed(atReady.rss, 1), fixed(afterWork.rss, 1)];
  row.push(fixed(settled, 1), fixed(peak, 1));
  console.log(`  ${row.join(' | ')}`);
  return { row, settled, readyMs };
}

async function main() {
  const machine = machineInfo();
  console.log(`machine: ${machine.cores} cores, Node ${machine.node}, load ${machine.load}`);
  const pg = life.track(await startLocalPostgres(), 'PostgreSQL');
  const url = await pg.createDatabase('waiting');
  const { service } = await start(url);
  const form = new globalThis.FormData();
  const xml = readFileSync(new URL('./fixtures/waiting.bpmn', import.meta.url));
  form.append('data', new globalThis.Blob([xml]), 'waiting.bpmn');
  const deployed = await globalThis.fetch(`${service.baseUrl}/engine-rest/deployment/create`, {
    method: 'POST',
    headers,
    body: form,
  });
  if (deployed.status !== 200) throw new Error(`deploy → ${deployed.status}`);
  let template;
  for (let i = 0; i < config.seed; i++) {
    template ??= (
      await api(service, 'POST', '/engine-rest/process-definition/key/waiting/start', {
        businessKey: `seed-${i}`,
        variables: {
          clientPhone: { value: `+49 151 ${i}`, type: 'String' },
          dealAmount: { value: 1000 + i, type: 'Double' },
        },
      })
    ).id;
  }
  await service.stop();
  life.untrack(service);

  const rows = [];
  const empty = await measure(`${config.seed} waiting`, url);
  rows.push(empty.row);

  console.log(`cloning instance ${template} ${config.instances} times`);
  const client = await pg.connect('waiting');
  const t0 = performance.now();
  await cloneInstance(client, { template, count: config.instances, tag: 'bench' }, (line) =>
    console.log(line),
  );
  console.log(`cloned in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const [{ size }] = (
    await client.query(`SELECT pg_size_pretty(pg_database_size('waiting')) AS size`)
  ).rows;
  await client.end();

  const full = await measure(`${config.seed + config.instances} waiting`, url);
  rows.push(full.row);
  // A clone is a real instance: complete one's task through the API.
  const sample = `clone-${Math.min(777, config.instances)}`;
  const check = await start(url);
  const [task] = await api(
    check.service,
    'GET',
    `/engine-rest/task?processInstanceBusinessKey=${sample}`,
  );
  await api(check.service, 'POST', `/engine-rest/task/${task.id}/complete`, {});
  const left = await api(
    check.service,
    'GET',
    `/engine-rest/process-instance/count?businessKey=${sample}`,
  );
  await check.service.stop();
  life.untrack(check.service);
  if (left.count !== 0) throw new Error('a cloned instance did not end after its task completed');

  console.log(
    `\ndatabase size with the clones: ${size}; load average at the end: ${machineInfo().load}`,
  );
  console.log(
    table(
      [
        'service with',
        'start → ready s',
        'RSS at ready MB',
        'RSS after work MB',
        'RSS settled MB',
        'peak RSS MB',
      ],
      rows,
    ),
  );
  console.log(`settled RSS difference: ${fixed(full.settled - empty.settled, 1)} MB`);
}

main().then(
  () => life.shutdown(0),
  (error) => life.shutdown(1, error.stack ?? String(error)),
);
