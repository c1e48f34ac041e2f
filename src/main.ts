import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory.js';
import { ConfigValidationError, loadConfig } from './config/load-config.js';
import { DataDirInUseError } from './database/data-dir-lock.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);

  // On SIGTERM/SIGINT: stop accepting, let the work in flight finish, close the database, exit 0.
  const stop = (signal: NodeJS.Signals) => {
    app.get(Logger).log(`${signal} received, shutting down`, 'Shutdown');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Configuration and lock errors are the operator's to fix: print the message, not a stack.
  const known = error instanceof ConfigValidationError || error instanceof DataDirInUseError;
  console.error(known ? error.message : error);
  process.exit(1);
});
