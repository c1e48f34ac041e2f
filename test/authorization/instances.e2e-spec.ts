import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EngineRest } from '../support/engine-rest.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asUser, createCast } from './cast.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/bpmn/authorization.${name}.bpmn`, import.meta.url), 'utf8');

/** Object-level authorization of process instances, their variables, statistics, messages and signals. */
describe('authorization of process instances', () => {
  let t: TestApp;
  let api: EngineRest;
  /** Instances the admin starts for each team, and the one ivan starts for no team's group. */
  let sales: string;
  let service: string;
  let ivanOwn: string;

  const as = (user: string) => asUser(t, user);
  const idsSeenBy = async (user: string) =>
    (
      (await as(user).get('/process-instance?processDefinitionKey=authz_instance').expect(200))
        .body as { id: string }[]
    ).map((instance) => instance.id);
  /** The activities an instance waits at, as the admin sees them. */
  const waitingAt = async (id: string) =>
    (
      (await request(t.http).get(`/engine-rest/process-instance/${id}/activity-instances`))
        .body as { childActivityInstances: { activityId: string; executionIds: string[] }[] }
    ).childActivityInstances;
  /** An invisible instance answers exactly like a missing one. */
  const expectLikeMissing = (res: request.Response, id: string, missing: request.Response) => {
    expect(res.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...res.body, message: res.body.message.replace(id, 'ID') }).toEqual({
      ...missing.body,
      message: missing.body.message.replace('no-such-instance', 'ID'),
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await createCast(t);
    await api.deployOk(fixture('instances'), 'authorization.instances.bpmn');
    await api.deployOk(fixture('instance-starts'), 'authorization.instance-starts.bpmn');
    await api.deployOk(fixture('signal-start'), 'authorization.signal-start.bpmn');
    const team = (name: string) => ({ team: { value: name, type: 'String' } });
    sales = (
      await api.start('authz_instance', { businessKey: 'sales-1', variables: team('sales') })
    ).id;
    service = (
      await api.start('authz_instance', { businessKey: 'service-1', variables: team('service') })
    ).id;
    const started = await as('ivan')
      .post('/process-definition/key/authz_instance/start', {
        businessKey: 'ivan-own',
        variables: team('nobody'),
      })
      .expect(200);
    ivanOwn = started.body.id;
  });
  afterAll(() => t.close());

  it('records the employee who starts an instance as its start user, so he sees it', async () => {
    const history = await request(t.http)
      .get(`/engine-rest/history/process-instance/${ivanOwn}`)
      .expect(200);
    expect(history.body.startUserId).toBe('ivan');
    await as('ivan').get(`/process-instance/${ivanOwn}`).expect(200);
  });

  it('lists and counts for an employee only the instances behind his tasks and the ones he started', async () => {
    expect((await idsSeenBy('ivan')).sort()).toEqual([sales, ivanOwn].sort());
    const ivan = as('ivan');
    const query = { processDefinitionKey: 'authz_instance' };
    const posted = await ivan.post('/process-instance', query).expect(200);
    expect(posted.body.map((i: { id: string }) => i.id).sort()).toEqual([sales, ivanOwn].sort());
    expect((await ivan.get('/process-instance/count').expect(200)).body).toEqual({ count: 2 });
    expect((await ivan.post('/process-instance/count', query).expect(200)).body).toEqual({
      count: 2,
    });
    // A colleague sees the team's task, not what ivan started for nobody's group.
    expect(await idsSeenBy('petr')).toEqual([sales]);
    expect(await idsSeenBy('sergey')).toEqual([service]);
  });

  it("answers an employee 404 on every route of another team's instance, as for a missing one", async () => {
    const ivan = as('ivan');
    for (const route of ['', '/activity-instances', '/variables', '/variables/team']) {
      await ivan.get(`/process-instance/${sales}${route}`).expect(200);
      expectLikeMissing(
        await ivan.get(`/process-instance/${service}${route}`),
        service,
        await ivan.get(`/process-instance/no-such-instance${route}`),
      );
    }
  });

  it("lets a manager see their team's instances, an analyst all", async () => {
    expect((await idsSeenBy('olga')).sort()).toEqual([sales, ivanOwn].sort());
    expect(await idsSeenBy('boris')).toEqual([service]);
    expect((await idsSeenBy('anna')).sort()).toEqual([sales, service, ivanOwn].sort());
    await as('anna').get(`/process-instance/${service}/variables`).expect(200);
    await as('olga').get(`/process-instance/${ivanOwn}/activity-instances`).expect(200);
    await as('olga').get(`/process-instance/${service}`).expect(404);
  });

  it("counts in the statistics of a manager only their team's instances and incidents", async () => {
    const db = t.app.get(DataSource);
    const [{ definition_id: definitionId }] = await db.query<{ definition_id: string }[]>(
      `SELECT definition_id FROM process_instance WHERE id = $1`,
      [service],
    );
    await db.query(
      `INSERT INTO incident (id, type, instance_id, definition_id, activity_id, message, created)
       VALUES ('authz-incident', 'failedJob', $1, $2, 'handle', 'boom', now())`,
      [service, definitionId],
    );
    const perDefinition = async (user: string) =>
      (
        (await as(user).get('/process-definition/statistics').expect(200)).body as {
          instances: number;
          incidents: unknown[];
          definition: { key: string };
        }[]
      ).find((row) => row.definition.key === 'authz_instance');
    const handle = async (user: string) =>
      (
        (await as(user).get('/process-definition/key/authz_instance/statistics').expect(200))
          .body as { id: string; instances: number; incidents: unknown[] }[]
      ).find((row) => row.id === 'handle');
    const incident = [{ incidentType: 'failedJob', incidentCount: 1 }];

    expect(await perDefinition('olga')).toMatchObject({ instances: 2, incidents: [] });
    expect(await perDefinition('boris')).toMatchObject({ instances: 1, incidents: incident });
    expect(await perDefinition('anna')).toMatchObject({ instances: 3, incidents: incident });
    expect(await handle('olga')).toMatchObject({ instances: 2, incidents: [] });
    expect(await handle('boris')).toMatchObject({ instances: 1, incidents: incident });
    expect(await handle('anna')).toMatchObject({ instances: 3, incidents: incident });
    const admin = await request(t.http).get('/engine-rest/process-definition/statistics');
    expect(admin.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ instances: 3, incidents: incident })]),
    );
    await db.query(`DELETE FROM incident WHERE id = 'authz-incident'`);
  });

  it("lets a manager set variables of and cancel their team's instance, logged as them", async () => {
    const olga = as('olga');
    const note = { value: 'call back', type: 'String' };
    await olga.put(`/process-instance/${sales}/variables/note`, note).expect(204);
    await olga
      .post(`/process-instance/${sales}/variables`, {
        modifications: { priority: { value: 2, type: 'Integer' } },
        deletions: ['note'],
      })
      .expect(204);
    await olga.delete(`/process-instance/${sales}/variables/priority`).expect(204);
    await olga.put(`/process-instance/${sales}/variables/checked`, note).expect(204);
    expect(Object.keys(await api.variables(sales)).sort()).toEqual(['checked', 'team']);

    const doomed = (
      await api.start('authz_instance', {
        businessKey: 'sales-2',
        variables: { team: { value: 'sales', type: 'String' } },
      })
    ).id;
    await olga.delete(`/process-instance/${doomed}?deleteReason=duplicate`).expect(204);
    expect((await api.instance(doomed)).status).toBe(404);
    expect((await api.historicInstance(doomed)).state).toBe('EXTERNALLY_TERMINATED');
    const log = await request(t.http)
      .get('/engine-rest/history/user-operation')
      .query({ processInstanceId: doomed, operationType: 'Delete' })
      .expect(200);
    expect(log.body.map((entry: { userId: string }) => entry.userId)).toEqual(['olga']);
    const variableLog = await request(t.http)
      .get('/engine-rest/history/user-operation')
      .query({ processInstanceId: sales, entityType: 'Variable' })
      .expect(200);
    expect(new Set(variableLog.body.map((entry: { userId: string }) => entry.userId))).toEqual(
      new Set(['olga']),
    );
  });

  it("answers a manager outside the team 404 on another team's instance, and changes nothing", async () => {
    const boris = as('boris');
    const variable = { value: 'x', type: 'String' };
    const writes: [string, (id: string) => request.Test][] = [
      ['cancel', (id) => boris.delete(`/process-instance/${id}`)],
      ['put', (id) => boris.put(`/process-instance/${id}/variables/checked`, variable)],
      [
        'modify',
        (id) => boris.post(`/process-instance/${id}/variables`, { modifications: { x: variable } }),
      ],
      ['remove', (id) => boris.delete(`/process-instance/${id}/variables/checked`)],
      ['read', (id) => boris.get(`/process-instance/${id}/variables/checked`)],
    ];
    for (const [, write] of writes) {
      expectLikeMissing(await write(sales), sales, await write('no-such-instance'));
    }
    expect((await api.instance(sales)).status).toBe(200);
    expect((await api.variables(sales)).checked).toMatchObject({ value: 'call back' });
    expect(await api.variables(sales)).not.toHaveProperty('x');
  });

  it('lets an analyst read every instance but not cancel or change one (route: 403)', async () => {
    const anna = as('anna');
    for (const res of [
      await anna.delete(`/process-instance/${service}`),
      await anna.put(`/process-instance/${service}/variables/x`, { value: 1, type: 'Integer' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('is not allowed to');
    }
    expect((await api.instance(service)).status).toBe(200);
  });

  it("refuses an employee's message to another team's instance as no match; the worker delivers it", async () => {
    const answer = { processVariables: { answer: { value: 'yes', type: 'String' } } };
    const ping = (user: string, address: object) =>
      as(user).post('/message', { messageName: 'authz-ping', ...answer, ...address });
    const noMatch = await ping('ivan', { businessKey: 'no-such-key' }).expect(400);
    for (const [user, address] of [
      ['ivan', { businessKey: 'service-1' }],
      ['ivan', { processInstanceId: service }],
      ['olga', { businessKey: 'service-1' }],
      // Analysts read everything but operate only their own work.
      ['anna', { businessKey: 'service-1' }],
    ] as const) {
      const res = await ping(user, address);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(noMatch.body);
      expect(res.body.type).toBe('MismatchingMessageCorrelationException');
    }
    expect((await waitingAt(service)).map((a) => a.activityId)).toContain('ping');
    expect(await api.variables(service)).not.toHaveProperty('answer');

    await ping('walt', { businessKey: 'service-1' }).expect(204);
    expect((await waitingAt(service)).map((a) => a.activityId)).not.toContain('ping');
    expect((await api.variables(service)).answer).toMatchObject({ value: 'yes' });
    await ping('ivan', { businessKey: 'sales-1' }).expect(204);
    expect((await waitingAt(sales)).map((a) => a.activityId)).not.toContain('ping');
  });

  it('lets every caller start an instance by a message start event, as its start user', async () => {
    const res = await as('sergey')
      .post('/message', { messageName: 'authz-request', resultEnabled: true })
      .expect(200);
    expect(res.body).toEqual([expect.objectContaining({ resultType: 'ProcessDefinition' })]);
    const id = res.body[0].processInstance.id as string;
    await as('sergey').get(`/process-instance/${id}`).expect(200);
    await as('ivan').get(`/process-instance/${id}`).expect(404);
    expect((await api.historicInstance(id)) as unknown).toMatchObject({ startUserId: 'sergey' });
  });

  it("lets a manager's signal reach only their team's instances, and start events as them", async () => {
    const wake = (await waitingAt(service)).find((a) => a.activityId === 'wake')!;
    const olga = as('olga');
    const unknown = await olga
      .post('/signal', { name: 'authz-wake', executionId: 'no-such-execution' })
      .expect(400);
    const hidden = await olga
      .post('/signal', { name: 'authz-wake', executionId: wake.executionIds[0] })
      .expect(400);
    expect(hidden.body.message.replace(wake.executionIds[0], 'ID')).toBe(
      unknown.body.message.replace('no-such-execution', 'ID'),
    );

    await olga.post('/signal', { name: 'authz-wake' }).expect(204);
    for (const id of [sales, ivanOwn]) {
      expect((await waitingAt(id)).map((a) => a.activityId)).not.toContain('wake');
    }
    expect((await waitingAt(service)).map((a) => a.activityId)).toContain('wake');
    const audits = await olga
      .get('/process-instance?processDefinitionKey=authz_price_audit')
      .expect(200);
    expect(audits.body).toHaveLength(1);

    await as('boris').post('/signal', { name: 'authz-wake' }).expect(204);
    expect((await waitingAt(service)).map((a) => a.activityId)).not.toContain('wake');
    await as('ivan').post('/signal', { name: 'authz-wake' }).expect(403);
  });

  it('answers 401 to anonymous callers', async () => {
    const anonymous = request(t.anonymous);
    await anonymous.get('/engine-rest/process-instance').expect(401);
    await anonymous.get(`/engine-rest/process-instance/${sales}`).expect(401);
    await anonymous.get(`/engine-rest/process-instance/${sales}/variables`).expect(401);
    await anonymous.delete(`/engine-rest/process-instance/${sales}`).expect(401);
    await anonymous.post('/engine-rest/message').send({ messageName: 'authz-ping' }).expect(401);
    await anonymous.get('/engine-rest/process-definition/statistics').expect(401);
    expect((await api.instance(sales)).status).toBe(200);
  });
});
