import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { pgWithPreparedStatements } from './prepared-statements.js';

/** TypeORM options shared by the app and the CLI: migrations only, never synchronize. */
export function databaseOptions(
  url: string,
  embedded: boolean,
  preparedStatements = false,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // Never on PGlite: it keeps one backend session for every connection it accepts, so a pooled
    // connection opened after an idle one closed would find that one's statement names taken.
    ...(preparedStatements && !embedded ? { driver: pgWithPreparedStatements() } : {}),
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
