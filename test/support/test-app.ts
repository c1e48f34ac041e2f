import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { App } from 'supertest/types.js';
import { createApp } from '../../src/app.factory.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Where the product's BPMN processes live; pass as CONVEYOR_PROCESSES_DIR to deploy them. */
export const PROCESSES_DIR = 'processes';

/** The admin every test app creates; `http` calls as this user unless a request sets its own credentials. */
export const TEST_ADMIN = { user: 'test-admin', password: 'test-admin-password' };

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface TestApp {
  app: NestExpressApplication;
  /** The app, signed in as TEST_ADMIN unless a request carries an Authorization header or cookie. */
  http: App;
  /** The app without default credentials: for authentication and authorization tests. */
  anonymous: App;
  config: AppConfig;
  database: TestDatabase;
  /** Stops the app; the database stays for a restart. */
  stop(): Promise<void>;
  /** Stops the app and drops its database. */
  close(): Promise<void>;
}

/** Starts the real application on a fresh database (or on `database`, to test a restart). */
export async function startTestApp(
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  // The job executor and built-in workers stay off unless a test turns them on: tests run jobs
  // when they choose to. processes/ is deployed only where a test asks for it (PROCESSES_DIR).
  const config = loadConfig({
    LOG_LEVEL: process.env.LOG_LEVEL,
    CONVEYOR_JOB_EXECUTOR: 'false',
    CONVEYOR_BUILTIN_WORKERS: 'false',
    CONVEYOR_PROCESSES_DIR: 'test/fixtures/no-such-dir',
    CONVEYOR_ADMIN_USER: TEST_ADMIN.user,
    CONVEYOR_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...db.env,
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    http: asAdmin(app.getHttpServer()),
    anonymous: app.getHttpServer() as App,
    config,
    database: db,
    stop,
    close: async () => {
      await stop();
      await db.drop();
    },
  };
}

const ADMIN_AUTHORIZATION = basicAuth(TEST_ADMIN.user, TEST_ADMIN.password);

/** Wraps the app's request handler so requests without credentials are made as the test admin. */
function asAdmin(server: Server): App {
  const [handler] = server.listeners('request') as RequestListener[];
  return (request: IncomingMessage, response: ServerResponse) => {
    if (!request.headers.authorization && !request.headers.cookie) {
      request.headers.authorization = ADMIN_AUTHORIZATION;
    }
    handler(request, response);
  };
}
