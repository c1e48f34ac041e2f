// Starts the built Conveyor service as a child process on 127.0.0.1 and stops it again.
import { BENCH_ADMIN } from './rest-clients.js';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '..', '..'); // bench/lib → the repository
const builtEntry = path.join(root, 'dist', 'main.js');

/** A TCP port nobody listens on right now (asked from the OS, then released). */
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

function ensureBuilt(entry) {
  if (existsSync(entry)) return;
  if (entry !== builtEntry) throw new Error(`${entry} does not exist`);
  console.log('dist/main.js is missing: running npm run build');
  const { status } = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (status !== 0 || !existsSync(entry)) throw new Error('npm run build failed');
}

/** /proc/<pid>/stat user + system CPU time of a Linux process in ms, or NaN elsewhere. */
function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

/** The live child processes of a Linux process (none where /proc does not list them). */
function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  } catch {
    return [];
  }
}

/** CPU time of a process and its live descendants (a cluster node's workers). */
function treeCpuMs(pid) {
  return childPids(pid).reduce((sum, child) => sum + treeCpuMs(child), cpuMsOf(pid));
}

/**
 * The running service: `baseUrl`, its log, its CPU time, and `stop()` (SIGTERM, then SIGKILL
 * after a grace period). Registers exit handlers so the child never outlives the benchmark.
 */
export async function startService({
  databaseUrl,
  entry = builtEntry,
  nodeArgs = [],
  env: extraEnv = {},
  startTimeoutMs = 90_000,
}) {
  ensureBuilt(entry);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-'));
  const logFile = path.join(tmp, 'service.log');
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    CONVEYOR_DATA_DIR: path.join(tmp, 'data'),
    CONVEYOR_PROCESSES_DIR: path.join(tmp, 'processes-empty'),
    LOG_LEVEL: 'warn',
    // Every API call needs credentials: the clients of rest-clients.js sign in as this admin.
    CONVEYOR_ADMIN_USER: BENCH_ADMIN.user,
    CONVEYOR_ADMIN_PASSWORD: BENCH_ADMIN.password,
    ...extraEnv, // e.g. CONVEYOR_JOB_EXECUTOR, CONVEYOR_JOB_POLL_MS
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  mkdirSync(env.CONVEYOR_PROCESSES_DIR); // empty: nothing is auto-deployed besides our BPMN

  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  const killNow = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killNow);

  const logTail = (lines = 40) => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };

  const stop = async ({ keepFiles = false } = {}) => {
    if (!exited) {
      child.kill('SIGTERM');
      const result = await Promise.race([exitPromise, sleep(15_000, 'timeout')]);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        await exitPromise;
      }
    }
    process.removeListener('exit', killNow);
    if (!keepFiles) rmSync(tmp, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const service = {
    baseUrl,
    pid: child.pid,
    tmp,
    logFile,
    logTail,
    stop,
    cpuMs: () => treeCpuMs(child.pid),
    get exited() {
      return exited;
    },
  };
  try {
    await waitHealthy(service, startTimeoutMs);
  } catch (error) {
    await stop({ keepFiles: true });
    throw new Error(`${error.message}\n--- service log (${logFile}) ---\n${logTail()}`);
  }
  return service;
}

async function waitHealthy(service, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.exited)
      throw new Error(`service exited during start: ${JSON.stringify(service.exited)}`);
    try {
      const response = await globalThis.fetch(`${service.baseUrl}/health`, {
        signal: globalThis.AbortSignal.timeout(2000),
      });
      last = `${response.status} ${await response.text()}`;
      if (response.ok) return;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(200);
  }
  throw new Error(`service not healthy after ${timeoutMs} ms (last: ${last})`);
}
