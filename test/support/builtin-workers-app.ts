import { readFileSync } from 'node:fs';
import request from 'supertest';
import { BuiltInWorkers } from '../../src/workers/builtin-workers.service.js';
import { EngineRest } from './engine-rest.js';
import { startTestApp, type TestApp } from './test-app.js';

/** The text of test/fixtures/bpmn/builtin-workers.<name>.bpmn. */
export const builtInWorkersFixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/bpmn/builtin-workers.${name}.bpmn`, import.meta.url), 'utf8');

export interface BuiltInWorkersApp {
  t: TestApp;
  api: EngineRest;
  workers: BuiltInWorkers;
}

/**
 * A test app with the built-in workers on but polling only every ten minutes, so they run when a
 * spec calls `workers.runOnce()`; the fixtures builtin-workers.<name>.bpmn deployed in order.
 */
export async function startBuiltInWorkersApp(
  fixtures: string[],
  env: Record<string, string> = {},
): Promise<BuiltInWorkersApp> {
  const t = await startTestApp({
    CONVEYOR_BUILTIN_WORKERS: 'true',
    CONVEYOR_BUILTIN_WORKERS_POLL_MS: '600000',
    ...env,
  });
  const api = new EngineRest(t.http);
  try {
    for (const name of fixtures) {
      await api.deployOk(builtInWorkersFixture(name), `builtin-workers.${name}.bpmn`);
    }
  } catch (error) {
    await t.close(); // the spec's afterAll has no app to close yet
    throw error;
  }
  return { t, api, workers: t.app.get(BuiltInWorkers) };
}

/** The process moved on: its external task (the notification) is done and `nextTask` waits. */
export async function expectMovedOn(
  t: TestApp,
  instanceId: string,
  nextTask: string,
): Promise<void> {
  const external = await request(t.http)
    .get('/engine-rest/external-task')
    .query({ processInstanceId: instanceId })
    .expect(200);
  expect(external.body).toEqual([]);
  const tasks = await new EngineRest(t.http).tasks({ processInstanceId: instanceId });
  expect(tasks).toMatchObject([{ name: nextTask }]);
}
