import { readFileSync } from 'node:fs';
import { BuiltInWorkers } from '../../src/workers/builtin-workers.service.js';
import { EngineRest } from '../support/engine-rest.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { CAST_PASSWORD, createCast } from './cast.js';
import request from 'supertest';

const str = (value: string) => ({ value, type: 'String' });

/** The notification log, like every list, shows a manager only their team's instances. */
describe('authorization of the notification log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      CONVEYOR_BUILTIN_WORKERS: 'true',
      CONVEYOR_BUILTIN_WORKERS_POLL_MS: '600000',
    });
    await createCast(t);
    const api = new EngineRest(t.http);
    const xml = readFileSync(
      new URL('../fixtures/bpmn/builtin-workers.in-app.bpmn', import.meta.url),
      'utf8',
    );
    await api.deployOk(xml, 'builtin-workers.in-app.bpmn');
    // a lead of the sales team: ivan is its manager (its task is his)
    await api.start('builtin_workers_in_app', {
      variables: { manager: str('ivan'), clientName: str('ООО Ромашка') },
    });
    await t.app.get(BuiltInWorkers).runOnce();
  });
  afterAll(() => t.close());

  const log = async (user: string) =>
    (
      await request(t.anonymous)
        .get('/api/notification-log/count')
        .auth(user, CAST_PASSWORD)
        .expect(200)
    ).body as { count: number };

  it('shows the sales lead’s notifications to its team’s manager and the analyst, not to another manager', async () => {
    expect(await log('olga')).toEqual({ count: 2 });
    expect(await log('anna')).toEqual({ count: 2 });
    expect(await log('boris')).toEqual({ count: 0 });
    await request(t.anonymous).get('/api/notification-log').auth('ivan', CAST_PASSWORD).expect(403);
  });
});
