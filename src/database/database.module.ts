import { Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { databaseOptions } from './database-options.js';
import { entities } from './entities.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/** Where the database is: a real PostgreSQL URL, or the embedded PGlite this provider started. */
export class DatabaseEndpoint implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    readonly url: string,
    private readonly embedded: EmbeddedPostgres | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    // The data source must close before the embedded server it talks to.
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
    this.logger.log('Embedded database stopped');
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DatabaseEndpoint, AppConfig],
      extraProviders: [
        {
          provide: DatabaseEndpoint,
          inject: [AppConfig, ModuleRef],
          useFactory: async (config: AppConfig, moduleRef: ModuleRef) => {
            const logger = new Logger('Database');
            if (config.database.kind === 'postgres') {
              return new DatabaseEndpoint(config.database.url, null, moduleRef);
            }
            if (config.isProduction) {
              logger.warn(
                'Running production on the embedded PGlite database (one process, no fsync). Set DATABASE_URL to a PostgreSQL server.',
              );
            }
            const embedded = await EmbeddedPostgres.start(config.database.dataDir);
            logger.log(`Embedded PGlite database in ${config.database.dataDir}`);
            return new DatabaseEndpoint(embedded.url, embedded, moduleRef);
          },
        },
      ],
      useFactory: (endpoint: DatabaseEndpoint, config: AppConfig) => ({
        ...databaseOptions(
          endpoint.url,
          endpoint.isEmbedded,
          config.database.kind === 'postgres' && config.database.preparedStatements,
        ),
        entities,
      }),
    }),
  ],
})
export class DatabaseModule {}
