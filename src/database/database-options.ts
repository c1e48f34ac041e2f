import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';

/** TypeORM options shared by the app and the CLI: migrations only, never synchronize. */
export function databaseOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    // PGlite executes one statement at a time; a second pooled connection would only queue or deadlock.
    poolSize: embedded ? 1 : 10,
    // A query waiting for a pooled connection fails after a minute instead of hanging forever.
    extra: { max: embedded ? 1 : 10, connectionTimeoutMillis: 60_000 },
  };
}
