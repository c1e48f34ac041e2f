// Benchmark: N timers falling due at once, fired by 1 and by 3 Conveyor nodes on one PostgreSQL
// (start → timer catch PT1H → end). Configuration by environment variables: see bench/README.md.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startService } from './lib/conveyor-service.js';
import { createLifecycle, intFromEnv } from './lib/lifecycle.js';
import { measureSequential, parseSourceContext, timerFiring } from './lib/in-memory-engine.js';
import { DEFAULT_PG_BIN, postgresAvailable, startLocalPostgres } from './lib/local-postgres.js';
import { deploy } from './lib/rest-clients.js';
import { startInstances } from './lib/start-instances.js';
import { busyShare, fixed, machineInfo, machineTicks, summarize, table } from './lib/stats.js';
import {
  drainRates,
  makeTimersDue,
  timersLeft,
  verifyFiring,
  watchDrain,
} from './lib/timer-drain.js';

const KEY = 'timer_wave';
const FILE = 'timer-wave.bpmn';
const TIMER = 'waitHour';
const END = 'end';
const xml = readFileSync(new URL(`./fixtures/${FILE}`, import.meta.url), 'utf8');

/**
 * The runs of BENCH_TIMER_NODES, e.g. `1,1x2,3`: N nodes of one process each, or `NxP` for N nodes
 * of P processes each (CONVEYOR_CLUSTER_WORKERS=P, how one node uses several cores).
 */
function nodeSetups(name, fallback) {
  return (process.env[name] ?? fallback).split(',').map((entry) => {
    const match = /^([1-9]\d*)(?:x([1-9]\d*))?$/.exec(entry.trim());
    if (!match)
      throw new Error(`${name}: "${entry}" is neither N nor NxP (positive whole numbers)`);
    const nodes = Number(match[1]);
    const processes = Number(match[2] ?? 1);
    return { nodes, processes, label: processes > 1 ? `${nodes}×${processes}` : String(nodes) };
  });
}

const config = {
  timers: intFromEnv('BENCH_TIMERS', 10_000),
  setups: nodeSetups('BENCH_TIMER_NODES', '1,1x2,3'),
  pollMs: intFromEnv('BENCH_TIMER_POLL_MS', 200),
  seedConcurrency: intFromEnv('BENCH_SEED_CONCURRENCY', 16),
  seedSeconds: intFromEnv('BENCH_SEED_SECONDS', 150),
  drainSeconds: intFromEnv('BENCH_DRAIN_SECONDS', 180),
  stallSeconds: intFromEnv('BENCH_STALL_SECONDS', 30),
  requestTimeoutMs: intFromEnv('BENCH_REQUEST_TIMEOUT_MS', 30_000),
  maxSeconds: intFromEnv('BENCH_MAX_SECONDS', 900),
  engineFirings: intFromEnv('BENCH_ENGINE_FIRINGS', 1000),
  pgBin: process.env.BENCH_PG_BIN || DEFAULT_PG_BIN,
  serviceEntry: process.env.BENCH_SERVICE_ENTRY || undefined,
  serviceNodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean),
};
const life = createLifecycle(config.maxSeconds);

const serviceOptions = (databaseUrl, env) => ({
  databaseUrl,
  env,
  entry: config.serviceEntry,
  nodeArgs: config.serviceNodeArgs,
});

/** Log lines of a node (LOG_LEVEL=warn: warnings and errors only). */
const logLines = (service) =>
  readFileSync(service.logFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');

/**
 * One service with its executor off starts the instances (at most BENCH_SEED_SECONDS long), then
 * stops; its database is the template of every run. Returns how many instances wait at the timer.
 */
async function seed(pg) {
  const url = await pg.createDatabase('timers_seed');
  const service = life.track(
    await startService(serviceOptions(url, { CONVEYOR_JOB_EXECUTOR: 'false' })),
    'seeding service',
  );
  await deploy(service.baseUrl, FILE, xml, 'timers bench');
  const step = Math.max(1, Math.round(config.timers / 10));
  const seeded = await startInstances(service.baseUrl, KEY, {
    count: config.timers,
    concurrency: config.seedConcurrency,
    timeoutMs: config.requestTimeoutMs,
    deadline: performance.now() + config.seedSeconds * 1000,
    onProgress: (n) => {
      if (n % step === 0) console.log(`  ${n} started`);
    },
  });
  await service.stop();
  life.untrack(service);
  if (seeded.errors.length > 0)
    throw new Error(`starting instances failed:\n  ${seeded.errors.slice(0, 5).join('\n  ')}`);
  const [{ n }] = await pg.query(
    'timers_seed',
    `SELECT count(*)::int AS n FROM job WHERE type = 'timer' AND due_date > now()`,
  );
  if (n !== seeded.started)
    throw new Error(`${n} pending timer jobs after ${seeded.started} starts`);
  const cut =
    seeded.started < config.timers
      ? ` (BENCH_SEED_SECONDS=${config.seedSeconds} reached before ${config.timers})`
      : '';
  console.log(
    `seeded ${seeded.started} instances waiting at the timer${cut} in ${fixed(seeded.elapsedMs / 1000, 1)} s, ` +
      `${fixed(seeded.perSecond, 1)} starts/s with ${config.seedConcurrency} clients`,
  );
  return seeded.started;
}

async function startNodes(url, { nodes, processes }) {
  const env = {
    CONVEYOR_JOB_EXECUTOR: 'true',
    CONVEYOR_JOB_POLL_MS: String(config.pollMs),
    CONVEYOR_CLUSTER_WORKERS: String(processes),
  };
  return Promise.all(
    Array.from({ length: nodes }, async (_, i) => {
      // Healthy means ready: a cluster node is, once all its workers listen (before the timers fall due).
      return life.track(await startService(serviceOptions(url, env)), `node ${i + 1}`);
    }),
  );
}

async function stopNodes(nodes) {
  for (const node of nodes) {
    await node.stop();
    life.untrack(node);
  }
}

/**
 * Starts the nodes of `setup` on a copy of the seeded database (timers an hour away, so nothing
 * fires during their boot), makes all `total` timers due at once and watches the job table drain.
 * The history is checked once the nodes stopped (they finish the work in hand).
 */
async function drainWith(pg, setup, total, runIndex) {
  const db = `timers_run${runIndex}_${setup.nodes}x${setup.processes}`;
  const url = await pg.createDatabase(db, 'timers_seed');
  const nodes = await startNodes(url, setup);
  const client = await pg.connect(db);
  try {
    const bootLines = nodes.map((node) => logLines(node).length); // boot warnings are not news
    const cpu0 = nodes.map((node) => node.cpuMs());
    const pgCpu0 = pg.cpuMs();
    const machine0 = machineTicks();
    const due = await makeTimersDue(client);
    if (due.updated !== total) throw new Error(`${due.updated} timers made due, expected ${total}`);
    const drain = await watchDrain(client, {
      since: due.at,
      pollMs: 200,
      deadline: due.at + config.drainSeconds * 1000,
      stallMs: config.stallSeconds * 1000,
      broken: () => {
        const dead = nodes.findIndex((node) => node.exited);
        return dead >= 0 ? `node ${dead + 1} exited: ${JSON.stringify(nodes[dead].exited)}` : null;
      },
    });
    const machineBusy = busyShare(machine0, machineTicks());
    const nodeCpuMs = nodes.map((node, i) => node.cpuMs() - cpu0[i]);
    const pgCpuMs = pg.cpuMs() - pgCpu0;
    const logs = nodes.map((node, i) => logLines(node).slice(bootLines[i]));
    await stopNodes(nodes);
    const fired = total - (await timersLeft(client));
    const verification = await verifyFiring(client, {
      timerActivity: TIMER,
      endActivity: END,
      total,
      fired,
    });
    const rates = drainRates(drain.samples, total);
    const { label } = setup;
    return { label, total, drain, rates, verification, nodeCpuMs, pgCpuMs, machineBusy, logs };
  } finally {
    await client.end();
    await stopNodes(nodes);
  }
}

/**
 * The limit of one JavaScript thread: bpmn-engine alone, in this process, firing the timer of a
 * recovered instance as a job run does (three rounds; the median). Timers/s and ms per timer.
 */
async function engineLimit() {
  const fire = await timerFiring(await parseSourceContext(xml));
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const run = await measureSequential(fire, { warmup: 200, count: config.engineFirings });
    rounds.push({ perSecond: run.perSecond, median: summarize(run.durations).median });
  }
  rounds.sort((a, b) => a.perSecond - b.perSecond);
  const { perSecond, median } = rounds[1];
  console.log(
    `bpmn-engine alone, one core, in this process: ${fixed(perSecond, 1)} timers/s ` +
      `(median ${fixed(median)} ms to recover, resume, fire and end; 3 rounds of ${config.engineFirings})`,
  );
  return perSecond;
}

function printRuns(runs, limit) {
  console.log(
    `\n${runs[0].total} timers due at once, nodes polling every ${config.pollMs} ms (batches of 20):\n`,
  );
  console.log(
    table(
      [
        'nodes',
        'fired in window',
        'outcome',
        'to empty s',
        'first fire ms',
        'fired/s overall',
        'fired/s 10–90 %',
        'node CPU ms/timer',
        'PostgreSQL CPU ms/timer',
        'machine busy',
        '10–90 % ÷ engine alone',
      ],
      runs.map((r) => [
        r.label,
        r.rates.fired,
        r.drain.reason,
        fixed((r.drain.finishedMs ?? r.drain.samples.at(-1).ms) / 1000, 1),
        fixed(r.rates.firstFireMs, 0),
        fixed(r.rates.overall, 1),
        fixed(r.rates.steady, 1),
        r.nodeCpuMs.map((ms) => fixed(ms / Math.max(r.rates.fired, 1), 1)).join(' + '),
        fixed(r.pgCpuMs / Math.max(r.rates.fired, 1), 1),
        `${fixed(r.machineBusy * 100, 0)} %`,
        fixed(r.rates.steady / limit, 2),
      ]),
    ),
  );
  // Ratios of the medians per setup (BENCH_TIMER_NODES=1,3,3,1 evens out a drifting load), to
  // the first one.
  const medianOf = (label, pick) => {
    const values = runs
      .filter((r) => r.label === label)
      .map(pick)
      .sort((a, b) => a - b);
    const mid = Math.floor(values.length / 2);
    return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  };
  const [first, ...others] = new Set(runs.map((r) => r.label));
  for (const label of others) {
    const ratio = (pick) => fixed(medianOf(label, pick) / medianOf(first, pick), 2);
    console.log(
      `\n${label} nodes ÷ ${first} node (medians of the runs): ` +
        `${ratio((r) => r.rates.overall)} overall, ${ratio((r) => r.rates.steady)} steady`,
    );
  }
  console.log('\nDuplicate check (history_activity_instance):\n');
  console.log(
    table(
      [
        'nodes',
        `${TIMER} rows`,
        'ended',
        'instances',
        'duplicated',
        `${END} rows`,
        'completed',
        'left: instances / jobs / incidents',
      ],
      runs.map((r) => {
        const v = r.verification;
        return [
          r.label,
          v.timer.total,
          v.timer.ended,
          v.timer.instances,
          v.timerDuplicates,
          v.end.total,
          v.completed,
          `${v.running} / ${v.jobs} / ${v.incidents}`,
        ];
      }),
    ),
  );
  for (const r of runs) {
    for (const problem of r.verification.problems)
      console.log(`\n${r.label} nodes: PROBLEM: ${problem}`);
    r.logs.forEach((lines, i) => {
      if (lines.length === 0) return;
      console.log(
        `\n${r.label} nodes, node ${i + 1}: ${lines.length} warn/error log lines after boot; first ones:`,
      );
      for (const line of lines.slice(0, 3)) console.log(`  ${line.slice(0, 400)}`);
    });
  }
}

async function main() {
  const machine = machineInfo();
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.load}, ${machine.date}`,
  );
  if (!postgresAvailable(config.pgBin)) {
    console.log(
      `skipped: needs PostgreSQL (no initdb/pg_ctl in ${config.pgBin}; set BENCH_PG_BIN)`,
    );
    return 0;
  }
  const pg = life.track(await startLocalPostgres({ bin: config.pgBin }), 'PostgreSQL');
  console.log(`PostgreSQL ${pg.version} in ${pg.dir}`);
  const t0 = performance.now();
  const limit = await engineLimit();
  const total = await seed(pg);
  const runs = [];
  for (const [i, setup] of config.setups.entries()) {
    const run = await drainWith(pg, setup, total, i + 1);
    runs.push(run);
    console.log(
      `${setup.label} node(s): ${run.drain.reason} after ${fixed(run.drain.samples.at(-1).ms / 1000, 1)} s, ` +
        `${run.rates.fired} fired, ${run.verification.problems.length} problems; load average ${machineInfo().load}`,
    );
    if (run.drain.reason !== 'drained' && run.drain.reason !== 'time limit') break;
  }
  printRuns(runs, limit);
  console.log(
    `\nwhole benchmark ${fixed((performance.now() - t0) / 1000, 0)} s; load average at the end: ${machineInfo().load}`,
  );
  // A drain cut by BENCH_DRAIN_SECONDS still measured its window; stalls, dead nodes and
  // inconsistent history are failures.
  const failed = runs.some(
    (r) => !['drained', 'time limit'].includes(r.drain.reason) || r.verification.problems.length,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => life.shutdown(code),
  (error) => life.shutdown(1, error.stack ?? String(error)),
);
