// Both cores: the REST path of engine-vs-rest.bench.js (three user tasks, N clients) against one
// service process and against CONVEYOR_CLUSTER_WORKERS processes on the same port, each run on a
// fresh database of a throwaway PostgreSQL. Runs alternate (1,2,2,1 by default) to even out a
// drifting load; printed: instances/s and how busy the machine was (service, PostgreSQL and the
// clients share it) per run, the medians per worker count and their ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { intFromEnv, intListFromEnv } from './lib/lifecycle.js';
import { DEFAULT_PG_BIN, postgresAvailable, startLocalPostgres } from './lib/local-postgres.js';
import { fixed, machineInfo, table } from './lib/stats.js';

const config = {
  workers: intListFromEnv('BENCH_CLUSTER_WORKERS', '1,2,2,1'),
  clients: intFromEnv('BENCH_CLUSTER_CLIENTS', 16),
  seconds: intFromEnv('BENCH_CLUSTER_SECONDS', 30),
  pgBin: process.env.BENCH_PG_BIN || DEFAULT_PG_BIN,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const machine = machineInfo();
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.load}, ${machine.date}`,
  );
  if (!postgresAvailable(config.pgBin)) {
    console.log(`skipped: needs PostgreSQL (no initdb/pg_ctl in ${config.pgBin})`);
    return 0;
  }
  const pg = await startLocalPostgres({ bin: config.pgBin });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'conveyor-cluster-bench-'));
  const runs = [];
  try {
    for (const [i, workers] of config.workers.entries()) {
      const jsonOut = path.join(tmp, `run-${i}.json`);
      const databaseUrl = await pg.createDatabase(`cluster_bench_${i}`);
      const child = spawnSync(
        process.execPath,
        [new URL('./engine-vs-rest.bench.js', import.meta.url).pathname],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
          env: {
            ...process.env,
            BENCH_DATABASE_URL: databaseUrl,
            BENCH_CONCURRENCY: String(config.clients),
            BENCH_REST_SECONDS: String(config.seconds),
            BENCH_REST_INSTANCES: '100000', // the time limit ends each run
            BENCH_ENGINE_INSTANCES: '100',
            BENCH_ENGINE_WARMUP: '20',
            BENCH_JSON_OUT: jsonOut,
            CONVEYOR_CLUSTER_WORKERS: String(workers),
          },
        },
      );
      if (child.status !== 0) throw new Error(`run ${i + 1} failed (${child.status})`);
      const { rest } = JSON.parse(readFileSync(jsonOut, 'utf8'));
      const [level] = rest;
      runs.push({ workers, ...level, load: machineInfo().load });
      console.log(
        `run ${i + 1}: ${workers} process(es), ${fixed(level.instancesPerSecond, 1)} instances/s, load ${machineInfo().load}`,
      );
    }
  } finally {
    await pg.stop();
  }
  console.log(
    `\nREST, ${config.clients} clients, ${config.seconds} s per run, PostgreSQL ${pg.version}:\n`,
  );
  console.log(
    table(
      ['run', 'processes', 'instances/s', 'requests/s', 'machine busy', 'load after'],
      runs.map((r, i) => [
        String(i + 1),
        String(r.workers),
        fixed(r.instancesPerSecond, 1),
        fixed(r.requestsPerSecond, 1),
        `${fixed(r.machineBusy * 100, 0)} %`,
        r.load,
      ]),
    ),
  );
  const byWorkers = new Map();
  for (const r of runs) byWorkers.set(r.workers, [...(byWorkers.get(r.workers) ?? []), r]);
  const medians = [...byWorkers].map(([workers, rs]) => ({
    workers,
    perSecond: median(rs.map((r) => r.instancesPerSecond)),
  }));
  const base = medians.find((m) => m.workers === 1);
  for (const m of medians) {
    console.log(
      `median ${m.workers} process(es): ${fixed(m.perSecond, 1)} instances/s` +
        (base && m !== base ? `, ${fixed(m.perSecond / base.perSecond, 2)}× one process` : ''),
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(1);
  },
);
