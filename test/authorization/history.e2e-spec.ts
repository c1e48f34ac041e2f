import { readFileSync } from 'node:fs';
import request from 'supertest';
import { EngineRest } from '../support/engine-rest.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asUser, createCast } from './cast.js';

const FIXTURE = readFileSync(
  new URL('../fixtures/bpmn/authorization.history.bpmn', import.meta.url),
  'utf8',
);

interface HistoryRow {
  id: string;
  processInstanceId?: string;
  activityId?: string;
  taskDefinitionKey?: string;
  assignee?: string | null;
  name?: string;
}

/** The history kinds read under /history/{kind} (the operation log is the managers'). */
const KINDS = ['process-instance', 'activity-instance', 'task', 'variable-instance'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Object-level authorization of history: every list and count (GET and POST forms) holds only rows
 * of instances the caller may see; a row of another instance answers by id like a missing one.
 */
describe('authorization of history', () => {
  let t: TestApp;
  let sales: string;
  let service: string;

  const as = (user: string) => asUser(t, user);
  const instanceOf = (kind: Kind, row: HistoryRow) =>
    kind === 'process-instance' ? row.id : row.processInstanceId;
  /** The instances behind a history list, read with GET and POST; both must agree. */
  const instancesIn = async (user: string, kind: Kind, filter: Record<string, string> = {}) => {
    const query = new URLSearchParams(filter).toString();
    const byGet = (await as(user).get(`/history/${kind}?${query}`).expect(200))
      .body as HistoryRow[];
    const byPost = (await as(user).post(`/history/${kind}`, filter).expect(200))
      .body as HistoryRow[];
    expect(byPost.map((row) => row.id).sort()).toEqual(byGet.map((row) => row.id).sort());
    return [...new Set(byGet.map((row) => instanceOf(kind, row)))].sort();
  };
  /** A history count, read with GET and POST; both must agree. */
  const countOf = async (user: string, kind: Kind, filter: Record<string, string> = {}) => {
    const query = new URLSearchParams(filter).toString();
    const byGet = (await as(user).get(`/history/${kind}/count?${query}`).expect(200)).body.count;
    const byPost = (await as(user).post(`/history/${kind}/count`, filter).expect(200)).body.count;
    expect(byPost).toBe(byGet);
    return byGet as number;
  };
  const adminRows = async (kind: Kind, instanceId: string) =>
    (
      await request(t.http)
        .get(`/engine-rest/history/${kind}`)
        .query({ processInstanceId: instanceId })
        .expect(200)
    ).body as HistoryRow[];
  /** A row the caller may not see answers exactly like a missing one. */
  const expectLikeMissing = async (user: string, path: string, id: string) => {
    const hidden = await as(user).get(`${path}/${id}`);
    const missing = await as(user).get(`${path}/no-such-id`);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...hidden.body, message: hidden.body.message.replace(id, 'ID') }).toEqual({
      ...missing.body,
      message: missing.body.message.replace('no-such-id', 'ID'),
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    const api = new EngineRest(t.http);
    await createCast(t);
    await api.deployOk(FIXTURE, 'authorization.history.bpmn');
    const start = async (team: string) =>
      (
        await api.start('authz_history', {
          businessKey: `${team}-offer`,
          variables: {
            team: { value: team, type: 'String' },
            amount: { value: team === 'sales' ? 120_000 : 80_000, type: 'Long' },
          },
        })
      ).id;
    sales = await start('sales');
    service = await start('service');
    // ivan takes his team's first task and does it; sergey does his
    for (const [user, instance] of [
      ['ivan', sales],
      ['sergey', service],
    ]) {
      const [task] = await api.tasks({ processInstanceId: instance });
      await asUser(t, user).post(`/task/${task.id}/claim`, { userId: user }).expect(204);
      await asUser(t, user)
        .post(`/task/${task.id}/complete`, {
          variables: { offer: { value: `${user}'s offer`, type: 'String' } },
        })
        .expect(204);
    }
  });
  afterAll(() => t.close());

  it.each(KINDS)(
    'lists and counts %s history of the employee’s own team’s instance only',
    async (kind) => {
      expect(await instancesIn('ivan', kind)).toEqual([sales]);
      expect(await instancesIn('petr', kind)).toEqual([sales]);
      expect(await instancesIn('sergey', kind)).toEqual([service]);
      expect(await countOf('ivan', kind)).toBe((await adminRows(kind, sales)).length);
      // naming another team's instance in the filter finds nothing
      expect(await instancesIn('ivan', kind, { processInstanceId: service })).toEqual([]);
      expect(await countOf('ivan', kind, { processInstanceId: service })).toBe(0);
    },
  );

  it.each(KINDS)(
    'shows %s history of a team to its manager, all of it to the analyst',
    async (kind) => {
      expect(await instancesIn('olga', kind)).toEqual([sales]);
      expect(await instancesIn('boris', kind)).toEqual([service]);
      expect(await instancesIn('anna', kind)).toEqual([sales, service].sort());
      expect(await countOf('anna', kind)).toBe(
        (await adminRows(kind, sales)).length + (await adminRows(kind, service)).length,
      );
    },
  );

  it('shows ivan his instance’s history: the instance, its activities, his task and its variables', async () => {
    await as('ivan').get(`/history/process-instance/${sales}`).expect(200);
    const activities = (
      await as('ivan').get(`/history/activity-instance?processInstanceId=${sales}`).expect(200)
    ).body as HistoryRow[];
    expect(activities.map((a) => a.activityId)).toEqual(['start', 'prepare', 'approve']);
    await as('ivan').get(`/history/activity-instance/${activities[1].id}`).expect(200);
    const tasks = (await as('ivan').get('/history/task?taskAssignee=ivan').expect(200))
      .body as HistoryRow[];
    expect(tasks).toEqual([
      expect.objectContaining({ taskDefinitionKey: 'prepare', processInstanceId: sales }),
    ]);
    const variables = (await as('ivan').get('/history/variable-instance').expect(200))
      .body as HistoryRow[];
    expect(variables.map((v) => v.name).sort()).toEqual(['amount', 'offer', 'team']);
    await as('ivan').get(`/history/variable-instance/${variables[0].id}`).expect(200);
  });

  it('answers another team’s history by id exactly like a missing one', async () => {
    await expectLikeMissing('ivan', '/history/process-instance', service);
    const [activity] = await adminRows('activity-instance', service);
    await expectLikeMissing('ivan', '/history/activity-instance', activity.id);
    const [variable] = await adminRows('variable-instance', service);
    await expectLikeMissing('ivan', '/history/variable-instance', variable.id);
    await expectLikeMissing('olga', '/history/process-instance', service);
    await expectLikeMissing('olga', '/history/variable-instance', variable.id);
    // Camunda has no GET /history/task/{id}: the taskId filter finds nothing
    const [task] = await adminRows('task', service);
    expect(await instancesIn('ivan', 'task', { taskId: task.id })).toEqual([]);
    expect(await countOf('ivan', 'task', { taskId: task.id })).toBe(0);
    // the analyst reads it
    await as('anna').get(`/history/process-instance/${service}`).expect(200);
    await as('anna').get(`/history/variable-instance/${variable.id}`).expect(200);
  });

  it('keeps an ended instance visible to the employee who worked on it', async () => {
    const [approve] = await new EngineRest(t.http).tasks({ processInstanceId: sales });
    await new EngineRest(t.http).completeOk(approve.id);
    const ended = (await as('ivan').get(`/history/process-instance/${sales}`).expect(200)).body;
    expect(ended.state).toBe('COMPLETED');
    expect(await instancesIn('ivan', 'activity-instance')).toEqual([sales]);
  });

  it('refuses the user operation log to an employee by route', async () => {
    const res = await as('ivan').get('/history/user-operation');
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/is not allowed to/);
  });
});
