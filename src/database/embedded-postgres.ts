import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import path from 'node:path';
import { DataDirLock } from './data-dir-lock.js';

/**
 * PGlite (PostgreSQL compiled to WASM) in the data directory, served on a loopback port so
 * TypeORM's ordinary postgres driver talks to it. One connection only: PGlite runs one query at a time.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly url: string,
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lock: DataDirLock,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const lock = DataDirLock.acquire(dataDir);
    try {
      const db = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions: { pgcrypto } });
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
      await server.start();
      return new EmbeddedPostgres(
        `postgres://postgres@${server.getServerConn()}/postgres`,
        db,
        server,
        lock,
      );
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      this.lock.release();
    }
  }
}
