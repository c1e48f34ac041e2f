import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bool, date, ElementsRest, fixture, long, str } from './elements-rest.js';

/** Task types, each from its own fixture, driven through the REST API. */
describe('elements: tasks', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
  });
  afterAll(() => t.close());

  describe('user task attributes from expressions', () => {
    let definitionId: string;
    let instanceId: string;
    let taskId: string;
    beforeAll(async () => {
      const deployed = await api.deployOk(
        fixture('tasks.user-task-attributes'),
        'tasks.user-task-attributes.bpmn',
      );
      definitionId = Object.values(deployed)[0].id;
      const instance = await api.start('tasks_user_task', {
        businessKey: 'lead-7',
        variables: {
          clientName: str('ООО Ромашка'),
          manager: str('dmitry'),
          backupManagers: str('anna,boris'),
          region: str('msk'),
          deadline: date('2030-03-10T18:00:00.000+0300'),
          reminder: str('2030-03-09T12:00:00+03:00'),
          urgent: bool(true),
          formName: str('lead-call'),
        },
      });
      instanceId = instance.id;
      taskId = (await api.instanceTasks(instanceId))[0].id;
    });

    it('resolves every field of GET /task/{id}', async () => {
      const res = await api.task(taskId);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: taskId,
        name: 'Позвонить клиенту ООО Ромашка',
        description: 'Уточнить потребность и бюджет клиента ООО Ромашка',
        assignee: 'dmitry',
        owner: null,
        delegationState: null,
        due: '2030-03-10T15:00:00.000+0000',
        followUp: '2030-03-09T09:00:00.000+0000',
        priority: 80,
        formKey: 'embedded:app:forms/lead-call.html',
        processInstanceId: instanceId,
        processDefinitionId: definitionId,
        taskDefinitionKey: 'callClient',
        suspended: false,
      });
      expect(typeof res.body.created).toBe('string');
    });

    it('lists the assignee and the candidate users and groups as identity links', async () => {
      const res = await request(t.http).get(`/engine-rest/task/${taskId}/identity-links`);
      expect(res.status).toBe(200);
      const links = res.body as { userId: string | null; groupId: string | null; type: string }[];
      expect(links).toHaveLength(5);
      expect(links).toEqual(
        expect.arrayContaining([
          { userId: 'dmitry', groupId: null, type: 'assignee' },
          { userId: 'anna', groupId: null, type: 'candidate' },
          { userId: 'boris', groupId: null, type: 'candidate' },
          { userId: null, groupId: 'sales', type: 'candidate' },
          { userId: null, groupId: 'sales-msk', type: 'candidate' },
        ]),
      );
    });

    it('finds the task by candidate user, candidate group and priority', async () => {
      const byUser = await api.tasks({ candidateUser: 'boris', includeAssignedTasks: 'true' });
      expect(byUser.map((task) => task.id)).toContain(taskId);
      const byGroup = await api.tasks({
        candidateGroup: 'sales-msk',
        includeAssignedTasks: 'true',
      });
      expect(byGroup.map((task) => task.id)).toEqual([taskId]);
      const urgent = await api.tasks({ minPriority: '80', processInstanceId: instanceId });
      expect(urgent.map((task) => task.id)).toEqual([taskId]);
    });

    it('ends after the task is completed', async () => {
      await api.completeOk(taskId);
      await api.expectEnded(instanceId);
      expect(await api.path(instanceId)).toEqual(['start', 'callClient', 'end']);
    });
  });

  it('a manual task passes through without waiting', async () => {
    // given
    await api.deployOk(fixture('tasks.manual-task'), 'tasks.manual-task.bpmn');

    // when
    const instance = await api.start('tasks_manual_task');

    // then
    const tasks = await api.instanceTasks(instance.id);
    expect(tasks.map((task) => task.taskDefinitionKey)).toEqual(['scanContract']);
    await api.completeOk(tasks[0].id);
    await api.expectEnded(instance.id);
    expect(await api.path(instance.id)).toEqual([
      'start',
      'signOnPaper',
      'scanContract',
      'contractArchived',
    ]);
  });

  describe('external service task', () => {
    let instanceId: string;
    beforeAll(async () => {
      await api.deployOk(fixture('tasks.external-task'), 'tasks.external-task.bpmn');
      instanceId = (await api.start('tasks_external_task', { businessKey: 'invoice-42' })).id;
    });

    it('waits as a row in GET /external-task with its topic', async () => {
      const rows = await api.externalTasks({ processInstanceId: instanceId });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        topicName: 'send-invoice',
        activityId: 'sendInvoice',
        processInstanceId: instanceId,
        processDefinitionKey: 'tasks_external_task',
        businessKey: 'invoice-42',
      });
      expect((await api.instance(instanceId)).status).toBe(200);
      expect(await api.instanceTasks(instanceId)).toEqual([]);
    });

    it('continues when a worker fetches, locks and completes it', async () => {
      const locked = await api.fetchAndLock('invoice-worker', 'send-invoice');
      const [row] = await api.externalTasks({ processInstanceId: instanceId });
      expect(locked.map((task) => task.id)).toContain(row.id);

      const res = await request(t.http)
        .post(`/engine-rest/external-task/${String(row.id)}/complete`)
        .send({ workerId: 'invoice-worker', variables: { invoiceNumber: str('СЧ-2025-0042') } });
      expect(res.status).toBe(204);

      expect(await api.externalTasks({ processInstanceId: instanceId })).toEqual([]);
      const [task] = await api.instanceTasks(instanceId);
      expect(task).toMatchObject({
        taskDefinitionKey: 'checkPayment',
        name: 'Проверить оплату счёта СЧ-2025-0042',
      });
      await api.completeOk(task.id);
      await api.expectEnded(instanceId);
      expect(await api.path(instanceId)).toEqual([
        'start',
        'sendInvoice',
        'checkPayment',
        'invoicePaid',
      ]);
    });
  });

  describe('script task', () => {
    beforeAll(async () => {
      await api.deployOk(fixture('tasks.script-task'), 'tasks.script-task.bpmn');
    });

    it.each([
      { amount: 5000, category: 'A', segment: 'крупный клиент' },
      { amount: 500, category: 'B', segment: 'розница' },
    ])(
      'sets variables and its result variable in the sandbox (amount $amount)',
      async ({ amount, category, segment }) => {
        // when
        const instance = await api.start('tasks_script_task', {
          variables: { amount: long(amount) },
        });

        // then
        expect(await api.variables(instance.id)).toMatchObject({
          amount: { value: amount, type: 'Long' },
          category: { value: category, type: 'String' },
          segment: { value: segment, type: 'String' },
        });
        const [task] = await api.instanceTasks(instance.id);
        expect(task).toMatchObject({
          taskDefinitionKey: 'handleRequest',
          name: `Обработать заявку категории ${category}`,
        });
        await api.completeOk(task.id);
        await api.expectEnded(instance.id);
        expect(await api.path(instance.id)).toEqual([
          'start',
          'categorize',
          'handleRequest',
          'end',
        ]);
      },
    );
  });

  describe('camunda:inputOutput on a user task', () => {
    const approvers = { large: 'director-petrov', small: 'manager-ivanov' };
    const instances = { large: '', small: '' };
    beforeAll(async () => {
      await api.deployOk(fixture('tasks.input-output'), 'tasks.input-output.bpmn');
      for (const [size, amount] of [
        ['large', 250_000],
        ['small', 50_000],
      ] as const) {
        const variables = { amount: long(amount), discount: long(15) };
        instances[size] = (await api.start('tasks_input_output', { variables })).id;
      }
    });

    it('evaluates the input mapping for the assignee expression', async () => {
      for (const size of ['large', 'small'] as const) {
        const [task] = await api.instanceTasks(instances[size]);
        expect(task).toMatchObject({
          taskDefinitionKey: 'approveDiscount',
          name: 'Согласовать скидку 15%',
          assignee: approvers[size],
        });
      }
    });

    it('keeps the input variable local: visible from the task, not in the process scope', async () => {
      const [task] = await api.instanceTasks(instances.large);
      const taskVariables = await request(t.http)
        .get(`/engine-rest/task/${task.id}/variables`)
        .expect(200);
      expect(taskVariables.body.approver).toMatchObject({
        value: approvers.large,
        type: 'String',
      });
      expect(taskVariables.body.amount).toMatchObject({ value: 250_000, type: 'Long' });
      expect(await api.variables(instances.large)).not.toHaveProperty('approver');
    });

    it('writes the output mapping into the process scope on completion', async () => {
      for (const size of ['large', 'small'] as const) {
        // when
        const [task] = await api.instanceTasks(instances[size]);
        await api.completeOk(task.id);

        // then
        const variables = await api.variables(instances[size]);
        expect(variables.approvedBy).toMatchObject({ value: approvers[size], type: 'String' });
        expect(variables).not.toHaveProperty('approver');
        const [next] = await api.instanceTasks(instances[size]);
        expect(next.taskDefinitionKey).toBe('sendOffer');
        await api.completeOk(next.id);
        await api.expectEnded(instances[size]);
        expect(await api.path(instances[size])).toEqual([
          'start',
          'approveDiscount',
          'sendOffer',
          'end',
        ]);
      }
    });
  });
});
