import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MEASURE = bpmn(`<process id="measure" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="book" />
  <userTask id="book" name="Забронировать замер" camunda:candidateGroups="sales" camunda:candidateUsers="olga" camunda:priority="\${urgent ? 80 : 40}" camunda:dueDate="\${measureDate}" />
  <sequenceFlow id="f2" sourceRef="book" targetRef="end" /><endEvent id="end" />
</process>`);

const TRIAGE = bpmn(`<process id="triage" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="sort" />
  <userTask id="sort" camunda:candidateGroups="service, sales, service" camunda:candidateUsers="olga" />
  <sequenceFlow id="f2" sourceRef="sort" targetRef="call" />
  <userTask id="call" camunda:candidateUsers="olga" />
  <sequenceFlow id="f3" sourceRef="call" targetRef="end" /><endEvent id="end" />
</process>`);

describe('task lifecycle and process variables', () => {
  let t: TestApp;
  let api: EngineRest;
  let instanceId: string;
  let taskId: string;
  const post = (path: string, body: object = {}) =>
    request(t.http).post(`/engine-rest${path}`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(MEASURE, 'measure.bpmn');
    instanceId = (
      await api.start('measure', {
        businessKey: 'lead-42',
        variables: {
          urgent: { value: true, type: 'Boolean' },
          measureDate: { value: '2026-12-03T09:00:00.000+0300', type: 'Date' },
          budget: { value: 350000, type: 'Long' },
        },
      })
    ).id;
    [{ id: taskId }] = await api.tasks({ processInstanceId: instanceId });
  });
  afterAll(() => t.close());

  it('finds the task by candidate group, candidate user, priority and due date', async () => {
    expect(await api.tasks({ candidateGroup: 'sales' })).toHaveLength(1);
    expect(await api.tasks({ candidateUser: 'olga' })).toHaveLength(1);
    expect(await api.tasks({ candidateUser: 'boris' })).toHaveLength(0);
    expect(await api.tasks({ minPriority: '80' })).toHaveLength(1);
    expect(await api.tasks({ dueBefore: '2026-12-03T07:00:00.000+0000' })).toHaveLength(1);
    expect(await api.tasks({ dueAfter: '2026-12-03T07:00:00.000+0000' })).toHaveLength(0);
    expect(await api.tasks({ processVariables: 'budget_gteq_300000' })).toHaveLength(1);
    expect(await api.tasks({ processVariables: 'budget_gt_400000' })).toHaveLength(0);
    const [task] = await api.tasks({ processInstanceBusinessKey: 'lead-42' });
    expect(task).toMatchObject({ priority: 80, due: '2026-12-03T06:00:00.000+0000' });
  });

  it('claims, refuses a second claimer, unclaims, assigns, delegates and resolves', async () => {
    await post(`/task/${taskId}/claim`, { userId: 'olga' }).expect(204);
    const refused = await post(`/task/${taskId}/claim`, { userId: 'boris' }).expect(400);
    expect(refused.body.type).toBe('TaskAlreadyClaimedException');
    expect(await api.tasks({ candidateGroup: 'sales' })).toHaveLength(0); // assigned tasks are not candidates
    expect(await api.tasks({ candidateGroup: 'sales', includeAssignedTasks: 'true' })).toHaveLength(
      1,
    );
    await post(`/task/${taskId}/unclaim`).expect(204);
    await post(`/task/${taskId}/assignee`, { userId: 'boris' }).expect(204);
    await post(`/task/${taskId}/delegate`, { userId: 'anna' }).expect(204);
    let task = (await request(t.http).get(`/engine-rest/task/${taskId}`).expect(200)).body;
    expect(task).toMatchObject({ assignee: 'anna', owner: 'boris', delegationState: 'PENDING' });
    await post(`/task/${taskId}/resolve`, {
      variables: { note: { value: 'клиент просит утро', type: 'String' } },
    }).expect(204);
    task = (await request(t.http).get(`/engine-rest/task/${taskId}`).expect(200)).body;
    expect(task).toMatchObject({ assignee: 'boris', delegationState: 'RESOLVED' });
    expect((await api.variables(instanceId)).note.value).toBe('клиент просит утро');

    const log = (
      await request(t.http).get('/engine-rest/history/user-operation').query({ taskId }).expect(200)
    ).body;
    expect(log.map((e: { operationType: string }) => e.operationType)).toEqual(
      expect.arrayContaining(['Claim', 'Assign', 'Delegate', 'Resolve']),
    );
  });

  it('adds comments and lists identity links', async () => {
    await post(`/task/${taskId}/comment/create`, { message: 'Перезвонить после 18:00' }).expect(
      200,
    );
    const comments = (await request(t.http).get(`/engine-rest/task/${taskId}/comment`).expect(200))
      .body;
    expect(comments).toMatchObject([{ message: 'Перезвонить после 18:00', taskId }]);
    await post(`/task/${taskId}/comment/create`, { message: '' }).expect(400);
    const links = (
      await request(t.http).get(`/engine-rest/task/${taskId}/identity-links`).expect(200)
    ).body;
    expect(links).toEqual(
      expect.arrayContaining([
        { userId: null, groupId: 'sales', type: 'candidate' },
        { userId: 'olga', groupId: null, type: 'candidate' },
        { userId: 'boris', groupId: null, type: 'assignee' },
      ]),
    );
  });

  it('reads, sets, modifies and deletes process variables, refusing bad names', async () => {
    await request(t.http)
      .put(`/engine-rest/process-instance/${instanceId}/variables/address`)
      .send({ value: 'Казань, ул. Баумана, 1', type: 'String' })
      .expect(204);
    await post(`/process-instance/${instanceId}/variables`, {
      modifications: { budget: { value: 420000, type: 'Long' } },
      deletions: ['note'],
    }).expect(204);
    const variables = await api.variables(instanceId);
    expect(variables.address.value).toBe('Казань, ул. Баумана, 1');
    expect(variables.budget).toMatchObject({ value: 420000, type: 'Long' });
    expect(variables.note).toBeUndefined();
    await request(t.http)
      .delete(`/engine-rest/process-instance/${instanceId}/variables/address`)
      .expect(204);
    await request(t.http)
      .get(`/engine-rest/process-instance/${instanceId}/variables/address`)
      .expect(404);
    const bad = await request(t.http)
      .put(`/engine-rest/process-instance/${instanceId}/variables/constructor`)
      .send({ value: 1, type: 'Integer' })
      .expect(400);
    expect(bad.body.type).toBe('InvalidRequestException');
  });

  it('finds the instance by a variable and cancels it, recording who and why', async () => {
    const found = (
      await request(t.http)
        .get('/engine-rest/process-instance')
        .query({ variables: 'budget_eq_420000' })
        .expect(200)
    ).body;
    expect(found.map((i: { id: string }) => i.id)).toEqual([instanceId]);
    await request(t.http)
      .delete(`/engine-rest/process-instance/${instanceId}`)
      .query({ deleteReason: 'клиент отказался' })
      .expect(204);
    expect((await api.instance(instanceId)).status).toBe(404);
    const historic = (
      await request(t.http).get(`/engine-rest/history/process-instance/${instanceId}`).expect(200)
    ).body;
    expect(historic).toMatchObject({
      state: 'EXTERNALLY_TERMINATED',
      deleteReason: 'клиент отказался',
    });
    const tasks = (
      await request(t.http)
        .get('/engine-rest/history/task')
        .query({ processInstanceId: instanceId })
        .expect(200)
    ).body;
    expect(tasks).toMatchObject([{ deleteReason: 'deleted' }]);
    // The activities still open end with the instance, cancelled, in the same statement.
    const activities = (
      await request(t.http)
        .get('/engine-rest/history/activity-instance')
        .query({ processInstanceId: instanceId })
        .expect(200)
    ).body as { activityType: string; endTime: string | null; canceled: boolean }[];
    const started = activities.filter((a) => a.activityType === 'startEvent');
    const rest = activities.filter((a) => a.activityType !== 'startEvent');
    expect(started.map((a) => a.canceled)).toEqual([false]);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.map((a) => [a.activityType, a.endTime === historic.endTime, a.canceled])).toEqual(
      rest.map((a) => [a.activityType, true, true]),
    );
  });

  it('returns the candidate groups of a page of tasks on request, and only then', async () => {
    await api.deployOk(TRIAGE, 'triage.bpmn');
    const grouped = (await api.start('triage', {})).id;
    const ungrouped = (await api.start('triage', {})).id;
    const [second] = await api.tasks({ processInstanceId: ungrouped });
    await post(`/task/${second.id}/complete`).expect(204); // now at "call", without groups

    const page = (
      await request(t.http)
        .get('/engine-rest/task')
        .query({ processDefinitionKey: 'triage', withCandidateGroupsInReturn: 'true' })
        .expect(200)
    ).body as { processInstanceId: string; candidateGroups: string[] }[];
    expect(
      Object.fromEntries(page.map((task) => [task.processInstanceId, task.candidateGroups])),
    ).toEqual({ [grouped]: ['sales', 'service'], [ungrouped]: [] });

    const byBody = (
      await post('/task', { processInstanceId: grouped, withCandidateGroupsInReturn: true }).expect(
        200,
      )
    ).body;
    expect(byBody).toMatchObject([{ candidateGroups: ['sales', 'service'] }]);
    const plain = await api.tasks({ processInstanceId: grouped });
    expect(plain[0]).not.toHaveProperty('candidateGroups');

    const refused = await request(t.http)
      .get('/engine-rest/task')
      .query({ withCandidateGroupsInReturn: 'maybe' })
      .expect(400);
    expect(refused.body).toMatchObject({ type: 'InvalidRequestException' });
  });
});
