// Benchmark: bpmn-engine alone in memory versus Conveyor through its REST API, on one process
// (start → user task A → B → C → end). Configuration by environment variables: see bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { startService } from './lib/conveyor-service.js';
import {
  measureSequential,
  parseSourceContext,
  runInMemory,
  runWithStateRoundTrips,
} from './lib/in-memory-engine.js';
import { deploy, runClients, runningInstances } from './lib/rest-clients.js';
import { busyShare, fixed, machineInfo, machineTicks, summarize, table } from './lib/stats.js';

const KEY = 'three_tasks';
const FILE = 'three-tasks.bpmn';
const xml = readFileSync(new URL(`./fixtures/${FILE}`, import.meta.url), 'utf8');

const int = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const config = {
  engineWarmup: int('BENCH_ENGINE_WARMUP', 100),
  engineInstances: int('BENCH_ENGINE_INSTANCES', 300),
  concurrency: (process.env.BENCH_CONCURRENCY ?? '1,4,16').split(',').map(Number),
  restWarmup: int('BENCH_REST_WARMUP', 20),
  restInstances: int('BENCH_REST_INSTANCES', 400),
  restSeconds: int('BENCH_REST_SECONDS', 30),
  requestTimeoutMs: int('BENCH_REQUEST_TIMEOUT_MS', 30_000),
  maxSeconds: int('BENCH_MAX_SECONDS', 290),
  skipRest: process.env.BENCH_SKIP_REST === '1',
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  serviceEntry: process.env.BENCH_SERVICE_ENTRY || undefined,
  serviceNodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean),
  // Where to write the figures as JSON too (cluster.bench.js reads them).
  jsonOut: process.env.BENCH_JSON_OUT || undefined,
};
if (config.concurrency.some((c) => !Number.isInteger(c) || c < 1)) {
  throw new Error('BENCH_CONCURRENCY must be a comma-separated list of positive whole numbers');
}

/** Where the database is, without credentials. */
function databaseLabel() {
  if (!config.databaseUrl) return 'PGlite (embedded)';
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

let service = null;
let shuttingDown = null;
/** Stops the service (keeping its files when failing) and exits; later calls wait for the first. */
function shutdown(code, message) {
  shuttingDown ??= (async () => {
    if (message) console.error(message);
    if (service) {
      await service.stop({ keepFiles: code !== 0 });
      if (code !== 0) console.error(`service data and log kept in ${service.tmp}`);
    }
    process.exit(code);
  })();
  return shuttingDown;
}
process.once('SIGINT', () => void shutdown(130, 'interrupted'));
process.once('SIGTERM', () => void shutdown(143, 'terminated'));
setTimeout(
  () => void shutdown(1, `benchmark exceeded BENCH_MAX_SECONDS=${config.maxSeconds}`),
  config.maxSeconds * 1000,
).unref();

async function benchInMemory() {
  const sourceContext = await parseSourceContext(xml);
  const variants = [
    ['in memory, XML `source` parsed per instance', (name) => runInMemory({ source: xml }, name)],
    ['in memory, cached `sourceContext`', (name) => runInMemory({ sourceContext }, name)],
    [
      'in memory + state saved/recovered at each wait',
      (name) => runWithStateRoundTrips(sourceContext, name),
    ],
  ];
  const results = [];
  for (const [label, runOne] of variants) {
    const run = await measureSequential(runOne, {
      warmup: config.engineWarmup,
      count: config.engineInstances,
    });
    results.push({ label, ...run, summary: summarize(run.durations) });
  }
  console.log(
    `\nbpmn-engine alone, sequential on one core, ${config.engineInstances} instances after ${config.engineWarmup} warm-up:\n`,
  );
  console.log(
    table(
      ['variant', 'median ms', 'p99 ms', 'instances/s'],
      results.map((r) => [
        r.label,
        fixed(r.summary.median),
        fixed(r.summary.p99),
        fixed(r.perSecond, 1),
      ]),
    ),
  );
  return { plain: results[1], persisted: results[2] };
}

async function benchRestLevel(concurrency) {
  const options = { concurrency, timeoutMs: config.requestTimeoutMs, seconds: config.restSeconds };
  const warm = await runClients(service.baseUrl, KEY, {
    ...options,
    instances: Math.max(config.restWarmup, concurrency * 2),
  });
  if (warm.errors.length > 0) return { concurrency, warmupErrors: warm.errors, ...warm };

  const cpu0 = service.cpuMs();
  const client0 = process.cpuUsage();
  const machine0 = machineTicks();
  const result = await runClients(service.baseUrl, KEY, {
    ...options,
    instances: config.restInstances,
  });
  const client = process.cpuUsage(client0);
  result.machineBusy = busyShare(machine0, machineTicks());
  result.serviceCpuMsPerInstance = (service.cpuMs() - cpu0) / result.completed;
  result.clientCpuShare = (client.user + client.system) / 1000 / result.elapsedMs;
  result.stillRunning = await runningInstances(service.baseUrl, KEY).catch(
    (e) => `? (${e.message})`,
  );
  return result;
}

function printRest(levels, inMemory) {
  console.log(
    `\nConveyor REST API on ${databaseLabel()}: 8 requests per instance (start, 4 × GET /task, 3 × complete)\n`,
  );
  const ratio = (r, base) => (base ? fixed(r.instancesPerSecond / base.perSecond, 3) : '-');
  console.log(
    table(
      [
        'clients',
        'instances',
        'failed',
        'instances/s',
        'requests/s',
        '÷ in memory',
        '÷ in memory+state',
      ],
      levels.map((r) => [
        r.concurrency,
        r.completed,
        r.errors.length,
        fixed(r.instancesPerSecond, 1),
        fixed(r.requestsPerSecond, 0),
        ratio(r, inMemory?.plain),
        ratio(r, inMemory?.persisted),
      ]),
    ),
  );
  console.log(
    '\n÷ in-memory: REST instances/s divided by the in-memory run with a cached sourceContext;' +
      ' ÷ in-memory+state: by the in-memory run that saves and recovers state at each wait.',
  );
  const p50p99 = (samples) => {
    const s = summarize(samples);
    return `${fixed(s.median, 1)} / ${fixed(s.p99, 1)}`;
  };
  console.log('\nLatency p50 / p99 ms:\n');
  console.log(
    table(
      [
        'clients',
        'instance',
        'any request',
        'POST …/start',
        'GET /task',
        'POST /task/{id}/complete',
      ],
      levels.map((r) => [
        r.concurrency,
        p50p99(r.instanceMs),
        p50p99([...r.latencies.start, ...r.latencies.listTasks, ...r.latencies.complete]),
        p50p99(r.latencies.start),
        p50p99(r.latencies.listTasks),
        p50p99(r.latencies.complete),
      ]),
    ),
  );
  console.log(
    '\nCPU during the measured run (the service includes PGlite when embedded, never a PostgreSQL server):\n',
  );
  console.log(
    table(
      [
        'clients',
        'service CPU ms/instance',
        'bench client (% of a core)',
        'machine busy (% of all cores)',
      ],
      levels.map((r) => [
        r.concurrency,
        fixed(r.serviceCpuMsPerInstance, 1),
        fixed(r.clientCpuShare * 100, 0),
        fixed(r.machineBusy * 100, 0),
      ]),
    ),
  );
  for (const r of levels) {
    if (r.stillRunning !== 0 && r.stillRunning !== undefined)
      console.log(
        `\n${r.concurrency} clients: ${r.stillRunning} instances still running after the level`,
      );
    const errors = r.warmupErrors ?? r.errors;
    if (errors.length === 0) continue;
    console.log(
      `\n${r.concurrency} clients: ${errors.length} failed instances${r.warmupErrors ? ' during warm-up' : ''}; first ones:`,
    );
    for (const message of errors.slice(0, 5)) console.log(`  - ${message}`);
  }
}

async function main() {
  const machine = machineInfo();
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.load}, ${machine.date}`,
  );
  const inMemory = await benchInMemory();
  if (config.skipRest) return 0;

  const t0 = performance.now();
  service = await startService({
    databaseUrl: config.databaseUrl,
    entry: config.serviceEntry,
    nodeArgs: config.serviceNodeArgs,
  });
  console.log(
    `\nservice up in ${fixed((performance.now() - t0) / 1000, 1)} s on ${service.baseUrl} (${databaseLabel()})`,
  );
  await deploy(service.baseUrl, FILE, xml);

  const levels = [];
  for (const concurrency of config.concurrency) {
    const level = await benchRestLevel(concurrency);
    if (shuttingDown) return shuttingDown; // the watchdog or a signal is stopping everything
    levels.push(level);
    if (service.exited)
      throw new Error(`service exited: ${JSON.stringify(service.exited)}\n${service.logTail()}`);
    if (level.warmupErrors || level.errors.length >= 20) break; // the service is failing: report, stop
  }
  printRest(levels, inMemory);
  if (config.jsonOut) {
    const rest = levels.map(
      ({ concurrency, instancesPerSecond, requestsPerSecond, machineBusy }) => ({
        concurrency,
        instancesPerSecond,
        requestsPerSecond,
        machineBusy,
      }),
    );
    const perSecond = { plain: inMemory.plain.perSecond, persisted: inMemory.persisted.perSecond };
    writeFileSync(config.jsonOut, JSON.stringify({ inMemory: perSecond, rest }, null, 2));
  }
  const failing = levels.some((l) => (l.warmupErrors ?? l.errors).length > 0);
  if (failing) console.log(`\n--- service log tail ---\n${service.logTail(30)}`);
  console.log(`\nload average at the end: ${machineInfo().load}`);
  return failing ? 1 : 0; // failures are reported above; the exit status says so too
}

main().then(
  (code) => shutdown(code),
  (error) => shutdown(1, error.stack ?? String(error)),
);
