// Entry point for the TypeORM CLI (npm run migration:generate): PostgreSQL only, from DATABASE_URL.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config.js';
import { databaseOptions } from './database-options.js';
import { entities } from './entities.js';

const config = loadConfig();
if (config.database.kind !== 'postgres') {
  throw new Error('Set DATABASE_URL to a PostgreSQL database to generate migrations');
}

export default new DataSource({ ...databaseOptions(config.database.url, false), entities });
