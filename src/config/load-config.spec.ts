import path from 'node:path';
import { ConfigValidationError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.resolve('./data') });
    expect(config.logLevel).toBe('info');
    expect(config.admin).toBeNull();
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/conveyor' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5432/conveyor',
      preparedStatements: true,
    });
    const plain = loadConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/conveyor',
      CONVEYOR_PREPARED_STATEMENTS: 'false',
    });
    expect(plain.database).toMatchObject({ kind: 'postgres', preparedStatements: false });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        CONVEYOR_ADMIN_USER: 'admin',
        CONVEYOR_ADMIN_PASSWORD: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'CONVEYOR_ADMIN_PASSWORD']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('short');
  });

  it('requires the admin user and password together', () => {
    expect(() => loadConfig({ CONVEYOR_ADMIN_USER: 'admin' })).toThrow(/set both/);
  });
});
