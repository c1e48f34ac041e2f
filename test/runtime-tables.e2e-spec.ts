import request from 'supertest';
import { DataSource } from 'typeorm';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// A task and a message wait side by side, then a timer: rows in three runtime tables over time.
const SIDE_BY_SIDE = bpmn(`<process id="sideBySide" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
  <parallelGateway id="fork" />
  <sequenceFlow id="f1" sourceRef="fork" targetRef="call" /><userTask id="call" name="Позвонить" />
  <sequenceFlow id="f2" sourceRef="call" targetRef="join" />
  <sequenceFlow id="f3" sourceRef="fork" targetRef="paid" />
  <receiveTask id="paid" messageRef="payment" />
  <sequenceFlow id="f4" sourceRef="paid" targetRef="join" />
  <parallelGateway id="join" /><sequenceFlow id="f5" sourceRef="join" targetRef="later" />
  <intermediateCatchEvent id="later"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
  <sequenceFlow id="f6" sourceRef="later" targetRef="end" /><endEvent id="end" />
</process>
<message id="payment" name="payment" />`);

/**
 * A unit of work reads only the runtime tables its instance's last projection wrote to
 * (process_instance.runtime_tables); instances saved before that column existed are read everywhere.
 */
describe('runtime tables of an instance', () => {
  let t: TestApp;
  let api: EngineRest;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    db = t.app.get(DataSource);
    await api.deployOk(SIDE_BY_SIDE, 'side-by-side.bpmn');
  });
  afterAll(() => t.close());

  const tablesOf = async (id: string) =>
    (
      await db.query<{ runtime_tables: string[] | null }[]>(
        `SELECT runtime_tables FROM process_instance WHERE id = $1`,
        [id],
      )
    )[0]?.runtime_tables;
  const rowCounts = async (id: string) =>
    (
      await db.query<{ tasks: number; subscriptions: number; jobs: number }[]>(
        `SELECT (SELECT count(*)::int FROM task WHERE instance_id = $1) AS tasks,
                (SELECT count(*)::int FROM event_subscription WHERE instance_id = $1) AS subscriptions,
                (SELECT count(*)::int FROM job WHERE instance_id = $1) AS jobs`,
        [id],
      )
    )[0];

  const walk = async (businessKey: string, forgetTables: boolean) => {
    const instance = await api.start('sideBySide', { businessKey });
    expect(await tablesOf(instance.id)).toEqual(['task', 'event_subscription']);
    if (forgetTables)
      await db.query(`UPDATE process_instance SET runtime_tables = NULL WHERE id = $1`, [
        instance.id,
      ]);

    const [task] = await api.tasks({ processInstanceId: instance.id });
    await api.completeOk(task.id);
    expect(await rowCounts(instance.id)).toEqual({ tasks: 0, subscriptions: 1, jobs: 0 });
    expect(await tablesOf(instance.id)).toEqual(['event_subscription']);

    await request(t.http)
      .post('/engine-rest/message')
      .send({ messageName: 'payment', businessKey })
      .expect(204);
    expect(await rowCounts(instance.id)).toEqual({ tasks: 0, subscriptions: 0, jobs: 1 });
    expect(await tablesOf(instance.id)).toEqual(['job']);

    const [job] = (
      await request(t.http).get('/engine-rest/job').query({ processInstanceId: instance.id })
    ).body as { id: string }[];
    await request(t.http).post(`/engine-rest/job/${job.id}/execute`).expect(204);
    expect((await api.historicInstance(instance.id)).state).toBe('COMPLETED');
    const activities = (
      await request(t.http)
        .get('/engine-rest/history/activity-instance')
        .query({ processInstanceId: instance.id, sortBy: 'startTime', sortOrder: 'asc' })
        .expect(200)
    ).body as { activityId: string; endTime: string | null; canceled: boolean }[];
    expect(activities.filter((a) => a.endTime === null || a.canceled)).toEqual([]);
    expect(new Set(activities.map((a) => a.activityId))).toEqual(
      new Set(['start', 'fork', 'call', 'paid', 'join', 'later', 'end']),
    );
  };

  it('records where the rows are and reads only those tables', () => walk('rt-1', false));

  it('reads every table for an instance saved before the column existed', () => walk('rt-2', true));
});
