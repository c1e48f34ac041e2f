import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ROLE_GROUPS } from '../../src/auth/roles.js';
import { hashPassword } from '../../src/identity/password-hasher.js';
import { EngineRest } from '../support/engine-rest.js';
import { basicAuth, startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';

const PASSWORD = 'tasks-authorization-password';
const FIXTURE = readFileSync(
  new URL('../fixtures/bpmn/authorization.tasks.bpmn', import.meta.url),
  'utf8',
);

/** Olga manages ivan and petr (sales), boris manages sergey (service); anna reads, walt integrates. */
const PEOPLE: { id: string; groups: string[]; manager?: string }[] = [
  { id: 'olga', groups: [ROLE_GROUPS.manager] },
  { id: 'boris', groups: [ROLE_GROUPS.manager] },
  { id: 'ivan', groups: ['sales'], manager: 'olga' },
  { id: 'petr', groups: ['sales'], manager: 'olga' },
  { id: 'sergey', groups: ['service'], manager: 'boris' },
  { id: 'anna', groups: [ROLE_GROUPS.analyst] },
  { id: 'walt', groups: [ROLE_GROUPS.worker] },
];

/** One task per case: its assignee and candidate groups (the business key names it). */
const WORK = {
  salesOpen: { assignee: '', groups: 'sales' },
  serviceOpen: { assignee: '', groups: 'service' },
  ivans: { assignee: 'ivan', groups: 'sales' },
  petrs: { assignee: 'petr', groups: '' },
  sergeys: { assignee: 'sergey', groups: '' },
};
type Work = keyof typeof WORK;
const ALL = Object.keys(WORK) as Work[];

const SEES: [string, Work[]][] = [
  [TEST_ADMIN.user, ALL],
  ['anna', ALL],
  ['walt', []],
  ['ivan', ['salesOpen', 'ivans']],
  ['petr', ['salesOpen', 'ivans', 'petrs']],
  ['sergey', ['serviceOpen', 'sergeys']],
  ['olga', ['salesOpen', 'ivans', 'petrs']],
  ['boris', ['serviceOpen', 'sergeys']],
];

describe('authorization of user tasks', () => {
  let t: TestApp;
  const id = {} as Record<Work, string>;

  const auth = (user: string) =>
    basicAuth(user, user === TEST_ADMIN.user ? TEST_ADMIN.password : PASSWORD);
  const as = (user: string) => ({
    get: (path: string, query: Record<string, string> = {}) =>
      request(t.anonymous).get(`/engine-rest${path}`).query(query).set('Authorization', auth(user)),
    post: (path: string, body: object = {}) =>
      request(t.anonymous).post(`/engine-rest${path}`).set('Authorization', auth(user)).send(body),
  });
  const task = async (work: Work) => (await as(TEST_ADMIN.user).get(`/task/${id[work]}`)).body;
  const refused = (res: request.Response) => {
    expect(res.status).toBe(403);
    expect(res.body.message).not.toMatch(/is not allowed to/);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(DataSource);
    const hash = await hashPassword(PASSWORD);
    for (const group of ['sales', 'service', ...Object.values(ROLE_GROUPS)]) {
      const type = group === 'sales' || group === 'service' ? 'WORKFLOW' : 'SYSTEM';
      await db.query(
        `INSERT INTO identity_group (id, name, type) VALUES ($1, $1, $2) ON CONFLICT DO NOTHING`,
        [group, type],
      );
    }
    for (const person of PEOPLE) {
      await db.query(
        `INSERT INTO identity_user (id, first_name, password_hash, manager_id) VALUES ($1, $1, $2, $3)`,
        [person.id, hash, person.manager ?? null],
      );
      for (const group of person.groups) {
        await db.query(`INSERT INTO identity_membership (user_id, group_id) VALUES ($1, $2)`, [
          person.id,
          group,
        ]);
      }
    }
    const api = new EngineRest(t.http);
    await api.deployOk(FIXTURE, 'authorization.tasks.bpmn');
    for (const work of ALL) {
      const variables = {
        assignee: { value: WORK[work].assignee, type: 'String' },
        groups: { value: WORK[work].groups, type: 'String' },
      };
      await api.start('authorization_tasks', { businessKey: work, variables });
      [{ id: id[work] }] = await api.tasks({ processInstanceBusinessKey: work });
    }
  });
  afterAll(() => t.close());

  it('answers 401 to an anonymous caller', async () => {
    await request(t.anonymous).get('/engine-rest/task').expect(401);
    await request(t.anonymous).get(`/engine-rest/task/${id.salesOpen}`).expect(401);
    await request(t.anonymous)
      .post(`/engine-rest/task/${id.salesOpen}/claim`)
      .send({ userId: 'ivan' })
      .expect(401);
  });

  it.each(SEES)('lists and counts for %s exactly the tasks they may see', async (user, works) => {
    const expected = works.map((work) => id[work]).sort();
    const ids = (res: request.Response) => (res.body as { id: string }[]).map((x) => x.id).sort();
    expect(ids(await as(user).get('/task').expect(200))).toEqual(expected);
    expect(ids(await as(user).post('/task', {}).expect(200))).toEqual(expected);
    expect((await as(user).get('/task/count').expect(200)).body).toEqual({
      count: expected.length,
    });
    expect((await as(user).post('/task/count', {}).expect(200)).body).toEqual({
      count: expected.length,
    });
    // Visibility is part of the SQL, so paging counts only visible tasks.
    const paged = await as(user).get('/task', { firstResult: '1', maxResults: '10' }).expect(200);
    expect(paged.body).toHaveLength(Math.max(expected.length - 1, 0));
  });

  it('combines visibility with the caller’s own filters', async () => {
    const filter = { candidateGroup: 'service' };
    expect((await as('ivan').post('/task', filter).expect(200)).body).toEqual([]);
    expect((await as('ivan').post('/task/count', filter).expect(200)).body).toEqual({ count: 0 });
    const sergeys = await as('sergey').post('/task', filter).expect(200);
    expect(sergeys.body.map((x: { id: string }) => x.id)).toEqual([id.serviceOpen]);
  });

  it('answers every route of another team’s task exactly as for a missing task', async () => {
    const routes: [string, object | null][] = [
      ['', null],
      ['/form-variables', null],
      ['/variables', null],
      ['/localVariables', null],
      ['/identity-links', null],
      ['/comment', null],
      ['/comment/create', { message: 'Кто это?' }],
      ['/claim', { userId: 'ivan' }],
      ['/unclaim', {}],
      ['/assignee', { userId: 'ivan' }],
      ['/delegate', { userId: 'ivan' }],
      ['/resolve', {}],
      ['/complete', {}],
      ['/submit-form', { variables: { note: { value: 'x', type: 'String' } } }],
    ];
    const call = (taskId: string, route: string, body: object | null) =>
      body === null
        ? as('ivan').get(`/task/${taskId}${route}`)
        : as('ivan').post(`/task/${taskId}${route}`, body);
    const shape = (res: request.Response, taskId: string) => ({
      status: res.status,
      body: { ...res.body, message: String(res.body.message).replaceAll(taskId, '<id>') },
    });
    for (const [route, body] of routes) {
      for (const hidden of [id.serviceOpen, id.petrs, id.sergeys]) {
        const answer = shape(await call(hidden, route, body), hidden);
        const missing = shape(await call('no-such-task', route, body), 'no-such-task');
        expect({ route, ...answer }).toEqual({ route, ...missing });
        expect(answer.status).toBe(404);
      }
    }
    expect(await task('serviceOpen')).toMatchObject({ assignee: null });
    expect((await as(TEST_ADMIN.user).get(`/task/${id.serviceOpen}/comment`)).body).toEqual([]);
  });

  it('lets an employee see a colleague’s task through the group but not change it', async () => {
    await as('petr').get(`/task/${id.ivans}`).expect(200);
    refused(await as('petr').post(`/task/${id.ivans}/complete`));
    refused(await as('petr').post(`/task/${id.ivans}/submit-form`));
    refused(await as('petr').post(`/task/${id.ivans}/resolve`));
    refused(await as('petr').post(`/task/${id.ivans}/unclaim`));
    refused(await as('petr').post(`/task/${id.ivans}/assignee`, { userId: 'petr' }));
    refused(await as('petr').post(`/task/${id.ivans}/delegate`, { userId: 'petr' }));
    const taken = await as('petr').post(`/task/${id.ivans}/claim`, { userId: 'petr' }).expect(400);
    expect(taken.body.type).toBe('TaskAlreadyClaimedException');
    expect(await task('ivans')).toMatchObject({ assignee: 'ivan', owner: null });
  });

  it('lets an employee claim the group’s task for themselves only; the first claim wins', async () => {
    refused(await as('ivan').post(`/task/${id.salesOpen}/claim`, { userId: 'petr' }));
    const [ivan, petr] = await Promise.all([
      as('ivan').post(`/task/${id.salesOpen}/claim`, { userId: 'ivan' }),
      as('petr').post(`/task/${id.salesOpen}/claim`, { userId: 'petr' }),
    ]);
    expect([ivan.status, petr.status].sort()).toEqual([204, 400]);
    const [winner, loser] = ivan.status === 204 ? ['ivan', 'petr'] : ['petr', 'ivan'];
    expect((ivan.status === 204 ? petr : ivan).body.type).toBe('TaskAlreadyClaimedException');
    expect(await task('salesOpen')).toMatchObject({ assignee: winner });
    refused(await as(loser).post(`/task/${id.salesOpen}/complete`));

    await as(winner).post(`/task/${id.salesOpen}/unclaim`).expect(204);
    await as(loser).post(`/task/${id.salesOpen}/claim`, { userId: loser }).expect(204);
    const comment = await as(loser)
      .post(`/task/${id.salesOpen}/comment/create`, { message: 'Перезвоню завтра' })
      .expect(200);
    expect(comment.body.userId).toBe(loser);
    await as(loser).post(`/task/${id.salesOpen}/complete`).expect(204);
    const log = await as(TEST_ADMIN.user)
      .get('/history/user-operation', { taskId: id.salesOpen })
      .expect(200);
    expect(log.body.map((e: { operationType: string; userId: string }) => e.userId)).toEqual(
      expect.arrayContaining([winner, loser]),
    );
    expect(log.body).toContainEqual(
      expect.objectContaining({ operationType: 'Complete', userId: loser }),
    );
  });

  it('lets a manager reassign within the team only, and hides other teams’ tasks', async () => {
    await as('olga').get(`/task/${id.petrs}`).expect(200);
    await as('olga').post(`/task/${id.ivans}/assignee`, { userId: 'petr' }).expect(204);
    await as('olga').post(`/task/${id.ivans}/assignee`, { userId: 'ivan' }).expect(204);
    refused(await as('olga').post(`/task/${id.ivans}/assignee`, { userId: 'sergey' }));
    refused(await as('olga').post(`/task/${id.petrs}/delegate`, { userId: 'sergey' }));
    refused(await as('olga').post(`/task/${id.petrs}/claim`, { userId: 'sergey' }));
    await as('olga').get(`/task/${id.sergeys}`).expect(404);
    await as('olga').post(`/task/${id.sergeys}/assignee`, { userId: 'ivan' }).expect(404);

    await as('boris').get(`/task/${id.ivans}`).expect(404);
    await as('boris').get(`/task/${id.salesOpen}/comment`).expect(404);
    await as('boris').post(`/task/${id.petrs}/complete`).expect(404);
    refused(await as('boris').post(`/task/${id.serviceOpen}/claim`, { userId: 'ivan' }));
    await as('boris').post(`/task/${id.serviceOpen}/claim`, { userId: 'sergey' }).expect(204);

    await as('olga').post(`/task/${id.petrs}/complete`).expect(204);
    const log = await as(TEST_ADMIN.user)
      .get('/history/user-operation', { taskId: id.ivans, operationType: 'Assign' })
      .expect(200);
    expect(log.body.map((e: { userId: string }) => e.userId)).toEqual(['olga', 'olga']);
  });

  it('lets an employee delegate their task to anyone, and the delegate resolve it', async () => {
    await as('sergey').post(`/task/${id.sergeys}/delegate`, { userId: 'ivan' }).expect(204);
    await as('ivan').get(`/task/${id.sergeys}`).expect(200);
    // the owner keeps sight of the task they delegated
    await as('sergey').get(`/task/${id.sergeys}`).expect(200);
    await as('petr').post(`/task/${id.sergeys}/resolve`).expect(404);
    await as('ivan').post(`/task/${id.sergeys}/resolve`).expect(204);
    expect(await task('sergeys')).toMatchObject({
      assignee: 'sergey',
      delegationState: 'RESOLVED',
    });
    await as('ivan').get(`/task/${id.sergeys}`).expect(404);
  });

  it('lets an analyst read every task but not work on it, and shows a worker none', async () => {
    await as('anna').get(`/task/${id.ivans}/variables`).expect(200);
    refused(await as('anna').post(`/task/${id.ivans}/claim`, { userId: 'anna' }));
    refused(await as('anna').post(`/task/${id.ivans}/assignee`, { userId: 'petr' }));
    refused(await as('anna').post(`/task/${id.serviceOpen}/complete`));
    await as('walt').get(`/task/${id.ivans}`).expect(404);
    await as('walt').post(`/task/${id.ivans}/claim`, { userId: 'walt' }).expect(404);
    expect(await task('ivans')).toMatchObject({ assignee: 'ivan' });
  });
});
