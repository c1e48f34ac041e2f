import cluster, { type Worker } from 'node:cluster';
import { ALL_WORKERS_LISTENING } from './cluster-readiness.js';

/**
 * The primary of CONVEYOR_CLUSTER_WORKERS > 1: forks the service processes, which share the port
 * (node:cluster hands connections round-robin) and the PostgreSQL database — every node already
 * coordinates through it (row locks, SKIP LOCKED job leases, version checks). The first worker
 * starts alone, so the migrations and the deployment of processes/ run once; the others follow.
 * Once all listen, each worker is told so and reports itself ready (ClusterReadiness). A worker
 * that dies is replaced; SIGTERM/SIGINT stop every worker gracefully, then the primary.
 */
export async function runClusterPrimary(workers: number): Promise<void> {
  let stopping = false;

  /** Forks a worker and waits until it listens; one exiting first fails, unless we are stopping. */
  const forkWorker = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      const exited = (code: number) =>
        stopping
          ? resolve(worker)
          : reject(new Error(`worker ${worker.process.pid} exited with ${code} before listening`));
      worker.once('exit', exited);
      worker.once('listening', () => {
        worker.off('exit', exited);
        resolve(worker);
      });
    });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`conveyor: ${signal} received, stopping the workers`);
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    let left = running.length;
    if (left === 0) process.exit(0);
    for (const worker of running) {
      worker.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      // SIGTERM whatever the primary got: each worker shuts down gracefully once.
      worker.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let i = 0; i < workers && !stopping; i++) await forkWorker();
  if (stopping) return;
  console.log(`conveyor: ${workers} worker processes listening (primary ${process.pid})`);
  for (const worker of Object.values(cluster.workers ?? {})) worker?.send(ALL_WORKERS_LISTENING);

  cluster.on('exit', (dead, code, signal) => {
    if (stopping) return;
    console.error(`conveyor: worker ${dead.process.pid} exited (${signal ?? code}); replacing it`);
    forkWorker().then(
      (worker) => {
        if (stopping) return;
        console.log(`conveyor: worker ${worker.process.pid} listening`);
        worker.send(ALL_WORKERS_LISTENING);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
