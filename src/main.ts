import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory.js';
import { runClusterPrimary } from './cluster/cluster-primary.js';
import { ConfigValidationError, loadConfig } from './config/load-config.js';
import { DataDirInUseError } from './database/data-dir-lock.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.clusterWorkers > 1 && cluster.isPrimary) {
    await runClusterPrimary(config.clusterWorkers);
    return;
  }
  const app = await createApp(config);
  await app.listen(config.port);

  // On SIGTERM/SIGINT: stop accepting, let the work in flight finish, close the database, exit 0.
  // Repeated signals (Ctrl+C reaches a cluster's workers and its primary relays SIGTERM) are
  // ignored while the first shutdown runs.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.get(Logger).log(`${signal} received, shutting down`, 'Shutdown');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Configuration and lock errors are the operator's to fix: print the message, not a stack.
  const known = error instanceof ConfigValidationError || error instanceof DataDirInUseError;
  console.error(known ? error.message : error);
  process.exit(1);
});
