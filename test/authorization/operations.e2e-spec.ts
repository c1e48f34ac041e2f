import { readFileSync } from 'node:fs';
import request from 'supertest';
import { EngineRest } from '../support/engine-rest.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asUser, createCast } from './cast.js';

const FIXTURE = readFileSync(
  new URL('../fixtures/bpmn/authorization.operations.bpmn', import.meta.url),
  'utf8',
);

interface Row {
  id: string;
  processInstanceId: string;
}

/**
 * Object-level authorization of jobs, incidents and external tasks, and the user operation log:
 * analysts see everything, managers their team's instances' rows (others answer as missing ones),
 * workers every external task; operators change only what they may see.
 */
describe('authorization of jobs, incidents, external tasks and the operation log', () => {
  let t: TestApp;
  /** One deal of each team, with a timer, an external task and (after beforeAll) an incident. */
  const deal = {
    sales: { instance: '', timer: '', externalTask: '', incident: '' },
    service: { instance: '', timer: '', externalTask: '', incident: '' },
  };

  const as = (user: string) => asUser(t, user);
  const instancesIn = async (user: string, path: string) =>
    ((await as(user).get(path).expect(200)).body as Row[]).map((row) => row.processInstanceId);
  const countOf = async (user: string, path: string) =>
    ((await as(user).get(path).expect(200)).body as { count: number }).count;
  /** An object the caller may not see answers exactly like a missing one. */
  const expectLikeMissing = async (user: string, path: string, id: string) => {
    const hidden = await as(user).get(path.replace('ID', id));
    const missing = await as(user).get(path.replace('ID', 'no-such-id'));
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...hidden.body, message: hidden.body.message.replace(id, 'ID') }).toEqual({
      ...missing.body,
      message: missing.body.message.replace('no-such-id', 'ID'),
    });
  };
  const jobOf = async (id: string) => (await request(t.http).get(`/engine-rest/job/${id}`)).body;

  beforeAll(async () => {
    t = await startTestApp();
    const api = new EngineRest(t.http);
    await createCast(t);
    await api.deployOk(FIXTURE, 'authorization.operations.bpmn');
    for (const team of ['sales', 'service'] as const) {
      const { id } = await api.start('authz_operations', {
        businessKey: `${team}-deal`,
        variables: { team: { value: team, type: 'String' } },
      });
      deal[team].instance = id;
      const [timer] = (await request(t.http).get(`/engine-rest/job?processInstanceId=${id}`))
        .body as Row[];
      deal[team].timer = timer.id;
    }
    // walt's integration fails both exports for good: an incident in each team
    const locked = await as('walt')
      .post('/external-task/fetchAndLock', {
        workerId: 'accounting',
        maxTasks: 10,
        topics: [{ topicName: 'authz-accounting', lockDuration: 60_000 }],
      })
      .expect(200);
    for (const task of locked.body as Row[]) {
      await as('walt')
        .post(`/external-task/${task.id}/failure`, {
          workerId: 'accounting',
          errorMessage: 'Бухгалтерия недоступна',
          errorDetails: 'connection refused',
          retries: 0,
        })
        .expect(204);
      const team = task.processInstanceId === deal.sales.instance ? 'sales' : 'service';
      deal[team].externalTask = task.id;
    }
    for (const team of ['sales', 'service'] as const) {
      const [incident] = (
        await request(t.http).get(`/engine-rest/incident?processInstanceId=${deal[team].instance}`)
      ).body as Row[];
      deal[team].incident = incident.id;
    }
  });
  afterAll(() => t.close());

  describe('jobs', () => {
    it('lists and counts only the jobs of the manager’s team; the analyst sees all', async () => {
      expect(await instancesIn('olga', '/job')).toEqual([deal.sales.instance]);
      expect(await instancesIn('boris', '/job')).toEqual([deal.service.instance]);
      expect((await instancesIn('anna', '/job')).sort()).toEqual(
        [deal.sales.instance, deal.service.instance].sort(),
      );
      expect(await countOf('olga', '/job/count')).toBe(1);
      expect(await countOf('boris', '/job/count')).toBe(1);
      expect(await countOf('anna', '/job/count')).toBe(2);
      // a filter naming another team's instance finds nothing
      expect(await instancesIn('boris', `/job?processInstanceId=${deal.sales.instance}`)).toEqual(
        [],
      );
    });

    it('answers another team’s job, and its stacktrace, like a missing one', async () => {
      await as('olga').get(`/job/${deal.sales.timer}`).expect(200);
      await expectLikeMissing('boris', '/job/ID', deal.sales.timer);
      await expectLikeMissing('boris', '/job/ID/stacktrace', deal.sales.timer);
      await as('anna').get(`/job/${deal.sales.timer}`).expect(200);
    });

    it('lets a manager move her team’s timer and retry its job; another manager gets 404 and changes nothing', async () => {
      const due = '2031-01-15T09:00:00.000+0000';
      await as('olga').put(`/job/${deal.sales.timer}/duedate`, { duedate: due }).expect(204);
      expect((await jobOf(deal.sales.timer)).dueDate).toBe(due);

      const other = '2032-02-02T09:00:00.000+0000';
      await as('boris').put(`/job/${deal.sales.timer}/duedate`, { duedate: other }).expect(404);
      await as('boris').put(`/job/${deal.sales.timer}/retries`, { retries: 9 }).expect(404);
      await as('boris').post(`/job/${deal.sales.timer}/execute`).expect(404);
      expect(await jobOf(deal.sales.timer)).toMatchObject({ dueDate: due, retries: 3 });

      await as('olga').put(`/job/${deal.sales.timer}/retries`, { retries: 5 }).expect(204);
      expect((await jobOf(deal.sales.timer)).retries).toBe(5);
    });

    it('refuses job changes to an analyst by route: 403', async () => {
      for (const res of [
        await as('anna').post(`/job/${deal.service.timer}/execute`),
        await as('anna').put(`/job/${deal.service.timer}/retries`, { retries: 1 }),
        await as('anna').put(`/job/${deal.service.timer}/duedate`, { duedate: null }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.message).toMatch(/is not allowed to/);
      }
      expect(await jobOf(deal.service.timer)).toMatchObject({ retries: 3 });
    });

    it('refuses jobs and incidents to workers and employees by route', async () => {
      for (const user of ['walt', 'ivan']) {
        await as(user).get('/job').expect(403);
        await as(user).get(`/job/${deal.sales.timer}`).expect(403);
        await as(user).get('/incident').expect(403);
      }
    });
  });

  describe('incidents', () => {
    it('lists and counts only the incidents of the manager’s team; the analyst sees all', async () => {
      expect(await instancesIn('olga', '/incident')).toEqual([deal.sales.instance]);
      expect(await instancesIn('boris', '/incident')).toEqual([deal.service.instance]);
      expect(await countOf('anna', '/incident/count')).toBe(2);
      expect(
        await countOf('boris', `/incident/count?processInstanceId=${deal.sales.instance}`),
      ).toBe(0);
    });

    it('answers another team’s incident like a missing one', async () => {
      await as('olga').get(`/incident/${deal.sales.incident}`).expect(200);
      await expectLikeMissing('boris', '/incident/ID', deal.sales.incident);
    });
  });

  describe('external tasks', () => {
    it('shows every external task to the worker, the team’s to a manager', async () => {
      expect((await instancesIn('walt', '/external-task')).sort()).toEqual(
        [deal.sales.instance, deal.service.instance].sort(),
      );
      expect(await countOf('walt', '/external-task/count')).toBe(2);
      expect(await instancesIn('olga', '/external-task')).toEqual([deal.sales.instance]);
      expect(await countOf('boris', '/external-task/count')).toBe(1);
      expect(await countOf('anna', '/external-task/count')).toBe(2);
      await as('walt').get(`/external-task/${deal.sales.externalTask}`).expect(200);
      const details = await as('walt')
        .get(`/external-task/${deal.service.externalTask}/errorDetails`)
        .expect(200);
      expect(details.text).toBe('connection refused');
    });

    it('answers another team’s external task and its error details like a missing one', async () => {
      await as('olga').get(`/external-task/${deal.sales.externalTask}`).expect(200);
      await expectLikeMissing('boris', '/external-task/ID', deal.sales.externalTask);
      await expectLikeMissing('boris', '/external-task/ID/errorDetails', deal.sales.externalTask);
    });

    it('lets a manager retry her team’s failed export, resolving the incident; another manager gets 404', async () => {
      await as('boris')
        .put(`/external-task/${deal.sales.externalTask}/retries`, { retries: 1 })
        .expect(404);
      expect(
        await countOf('anna', `/incident/count?processInstanceId=${deal.sales.instance}`),
      ).toBe(1);
      await as('walt')
        .put(`/external-task/${deal.sales.externalTask}/retries`, { retries: 1 })
        .expect(403);

      await as('olga')
        .put(`/external-task/${deal.sales.externalTask}/retries`, { retries: 1 })
        .expect(204);
      expect(
        await countOf('anna', `/incident/count?processInstanceId=${deal.sales.instance}`),
      ).toBe(0);
      const task = await as('olga').get(`/external-task/${deal.sales.externalTask}`).expect(200);
      expect(task.body.retries).toBe(1);
    });
  });

  describe('user operation log', () => {
    const entriesOf = async (user: string, query: string) =>
      (await as(user).get(`/history/user-operation?${query}`).expect(200)).body as {
        userId: string | null;
        operationType: string;
        property: string | null;
        newValue: string | null;
        processInstanceId: string | null;
      }[];

    it('records the authenticated user of a change, and shows it to her and the analyst, not another manager', async () => {
      await as('olga')
        .put(`/process-instance/${deal.sales.instance}/variables/discount`, {
          value: 15,
          type: 'Integer',
        })
        .expect(204);

      const query = `processInstanceId=${deal.sales.instance}&operationType=ModifyProcessInstanceVariables`;
      for (const user of ['olga', 'anna']) {
        expect(await entriesOf(user, query)).toEqual([
          expect.objectContaining({
            userId: 'olga',
            property: 'name',
            newValue: 'discount',
            processInstanceId: deal.sales.instance,
          }),
        ]);
      }
      expect(await entriesOf('boris', query)).toEqual([]);
      expect(await entriesOf('boris', 'userId=olga')).toEqual([]);
    });

    it('records operators’ job and external task changes with who made them', async () => {
      const entries = await entriesOf('olga', `processInstanceId=${deal.sales.instance}`);
      const byType = (type: string) => entries.filter((entry) => entry.operationType === type);
      expect(byType('SetDueDate')).toEqual([
        expect.objectContaining({ userId: 'olga', property: 'duedate' }),
      ]);
      expect(byType('SetJobRetries')).toEqual([
        expect.objectContaining({ userId: 'olga', property: 'retries', newValue: '5' }),
      ]);
      expect(byType('SetExternalTaskRetries')).toEqual([
        expect.objectContaining({ userId: 'olga', property: 'retries', newValue: '1' }),
      ]);
    });

    it('counts for a manager only the entries she may see', async () => {
      const all = await countOf('anna', '/history/user-operation/count');
      const olga = await countOf('olga', '/history/user-operation/count');
      const boris = await countOf('boris', '/history/user-operation/count');
      expect(olga).toBeGreaterThanOrEqual(4);
      expect(boris).toBe(0);
      expect(all).toBeGreaterThanOrEqual(olga);
    });

    it('shows a manager the entries her team made: a cancel by olga, read back', async () => {
      await as('olga').delete(`/process-instance/${deal.sales.instance}`).expect(204);
      expect(
        await entriesOf('olga', `processInstanceId=${deal.sales.instance}&operationType=Delete`),
      ).toEqual([
        expect.objectContaining({ userId: 'olga', processInstanceId: deal.sales.instance }),
      ]);
      expect(await entriesOf('boris', 'operationType=Delete')).toEqual([]);
    });

    it('refuses the log to employees and workers by route', async () => {
      await as('ivan').get('/history/user-operation').expect(403);
      await as('walt').get('/history/user-operation/count').expect(403);
    });
  });

  it('lets a manager run her team’s timer now; the instance moves on', async () => {
    const { id } = await new EngineRest(t.http).start('authz_operations', {
      variables: { team: { value: 'service', type: 'String' } },
    });
    const [timer] = (await request(t.http).get(`/engine-rest/job?processInstanceId=${id}`))
      .body as Row[];
    await as('olga').post(`/job/${timer.id}/execute`).expect(404);
    await as('boris').post(`/job/${timer.id}/execute`).expect(204);
    await request(t.http).get(`/engine-rest/job/${timer.id}`).expect(404);
    const waited = await request(t.http)
      .get(`/engine-rest/history/activity-instance?processInstanceId=${id}&activityId=waited`)
      .expect(200);
    expect(waited.body).toHaveLength(1);
    const [entry] = await (async () =>
      (await as('boris').get(`/history/user-operation?jobId=${timer.id}`).expect(200)).body as {
        userId: string;
        operationType: string;
      }[])();
    expect(entry).toMatchObject({ userId: 'boris', operationType: 'Execute' });
  });
});
