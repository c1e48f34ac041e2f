// A throwaway PostgreSQL server for the benchmarks: initdb in a temporary directory, started on a
// free 127.0.0.1 port with the default configuration (fsync and synchronous_commit on) plus the
// server options of BENCH_PG_OPTIONS (for experiments, e.g. `-c synchronous_commit=off`), removed on
// stop. PostgreSQL refuses to run as root, so as root every binary runs through `runuser -u postgres`.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

/** Whether the PostgreSQL binaries the starter needs are there. */
export function postgresAvailable(bin = DEFAULT_PG_BIN) {
  return ['initdb', 'pg_ctl'].every((name) => existsSync(path.join(bin, name)));
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) return null;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('running as root, but there is no postgres user');
  return { uid: Number(id.stdout), gid: Number(gid.stdout) };
}

/**
 * Starts the server and returns `{ version, urlOf(db), query(db, sql, params), connect(db),
 * createDatabase(name, template?), cpuMs(), logTail(), stop() }`. The server is stopped on process exit too.
 */
export async function startLocalPostgres({ bin = DEFAULT_PG_BIN } = {}) {
  if (!postgresAvailable(bin)) throw new Error(`PostgreSQL binaries not found in ${bin}`);
  const owner = postgresUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const port = await freePort();

  const run = (tool, args) => {
    const command = owner ? 'runuser' : path.join(bin, tool);
    const fullArgs = owner ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0)
      throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const pgCtl = (...args) => run('pg_ctl', ['-D', data, ...args]);

  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const extra = process.env.BENCH_PG_OPTIONS ?? '';
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 ${extra}`;
  pgCtl('-l', logFile, '-o', options, '-w', 'start');
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      pgCtl('-m', 'immediate', 'stop');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stopNow);

  const urlOf = (db) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const query = async (db, sql, params = []) => {
    const client = new pg.Client({ connectionString: urlOf(db) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const [{ server_version: version }] = await query('postgres', 'SHOW server_version');

  return {
    version,
    dir,
    logFile,
    urlOf,
    query,
    /** A connected pg.Client on `db`, for callers that query often (end it when done). */
    connect: async (db) => {
      const client = new pg.Client({ connectionString: urlOf(db) });
      await client.connect();
      return client;
    },
    /** A new database, empty or copied from `template` (which nobody may be connected to). */
    createDatabase: async (name, template) => {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await query('postgres', `CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
      return urlOf(name);
    },
    /** CPU time (ms) of every postgres process of this server, from /proc (Linux). */
    cpuMs: () => serverCpuMs(data),
    logTail: (lines = 30) => readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n'),
    stop: async ({ keepFiles = false } = {}) => {
      if (!stopped) {
        stopped = true;
        pgCtl('-m', 'fast', 'stop');
      }
      process.removeListener('exit', stopNow);
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sums user + system CPU of the postmaster (its pid file) and its children, in ms. */
function serverCpuMs(data) {
  try {
    const postmaster = Number(
      readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    let ticks = 0;
    for (const pid of spawnSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .map(Number)
      .filter(Boolean)
      .concat(postmaster)) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime + stime of the process and cutime + cstime of its reaped children (backends
        // that already exited count there).
        ticks += Number(fields[11]) + Number(fields[12]);
        if (pid === postmaster) ticks += Number(fields[13]) + Number(fields[14]);
      } catch {
        // The backend exited meanwhile: its time is in the postmaster's cutime now.
      }
    }
    return (ticks * 1000) / 100;
  } catch {
    return NaN;
  }
}
