import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ElementsRest, fixture, long, str } from './elements-rest.js';

const HOUR = 3600_000;

interface ActivityInstanceTree {
  activityId: string;
  childActivityInstances: ActivityInstanceTree[];
}

function activityIds(tree: ActivityInstanceTree): string[] {
  return [tree.activityId, ...tree.childActivityInstances.flatMap(activityIds)];
}

/** Sub-processes, call activities, boundary and intermediate events, receive tasks. */
describe('elements: scopes and events attached to them', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
  });
  afterAll(() => t.close());

  /** Asserts that the instance has exactly these waiting user tasks and returns them. */
  async function expectTasks(instanceId: string, keys: string[]) {
    const tasks = await api.instanceTasks(instanceId);
    expect(tasks.map((x) => x.taskDefinitionKey).sort()).toEqual([...keys].sort());
    return tasks;
  }

  /** Jobs due between `from + delay` and now + delay: a duration timer started in that window. */
  async function expectOneTimer(instanceId: string, from: number, delay: number) {
    const jobs = await api.jobs({ processInstanceId: instanceId });
    expect(jobs).toHaveLength(1);
    const due = Date.parse(jobs[0].dueDate!);
    expect(due).toBeGreaterThanOrEqual(from + delay - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + delay + 1000);
    return jobs[0];
  }

  it('an embedded sub-process runs its tasks, then the flow continues after it', async () => {
    // given
    await api.deployOk(fixture('scopes.embedded-sub-process'), 'scopes.embedded-sub-process.bpmn');
    const instance = await api.start('scopes_embedded', { businessKey: 'contract-11' });

    // then the task inside the sub-process waits, and the sub-process is active
    const [prepare] = await expectTasks(instance.id, ['prepareContract']);
    const tree = await request(t.http)
      .get(`/engine-rest/process-instance/${instance.id}/activity-instances`)
      .expect(200);
    expect(activityIds(tree.body)).toEqual(
      expect.arrayContaining(['contracting', 'prepareContract']),
    );

    // when
    await api.completeOk(prepare.id);
    const [approve] = await expectTasks(instance.id, ['approveContract']);
    await api.completeOk(approve.id);

    // then the sub-process is left and the flow goes on
    const [send] = await expectTasks(instance.id, ['sendContract']);
    await api.completeOk(send.id);
    await api.expectEnded(instance.id);
    const path = await api.path(instance.id);
    expect(path).toContain('contracting');
    expect(
      path.filter((id) =>
        [
          'prepareContract',
          'approveContract',
          'contractingEnded',
          'sendContract',
          'contractSent',
        ].includes(id),
      ),
    ).toEqual([
      'prepareContract',
      'approveContract',
      'contractingEnded',
      'sendContract',
      'contractSent',
    ]);
  });

  it('a call activity runs another deployed definition with in/out variable mappings', async () => {
    // given the child and the parent, deployed separately
    await api.deployOk(fixture('scopes.call-activity-child'), 'scopes.call-activity-child.bpmn');
    await api.deployOk(fixture('scopes.call-activity-parent'), 'scopes.call-activity-parent.bpmn');

    // when
    const parent = await api.start('scopes_contract', {
      businessKey: 'supply-2025-17',
      variables: { clientName: str('ООО Ромашка'), contractAmount: long(1_200_000) },
    });

    // then a child instance runs with only the mapped variable
    const children = await api.instances({ superProcessInstance: parent.id });
    expect(children).toHaveLength(1);
    const child = children[0];
    expect((await api.instances({ subProcessInstance: child.id })).map((x) => x.id)).toEqual([
      parent.id,
    ]);
    const childVariables = await api.variables(child.id);
    expect(childVariables.counterparty).toMatchObject({ value: 'ООО Ромашка', type: 'String' });
    expect(childVariables).not.toHaveProperty('clientName');
    expect(childVariables).not.toHaveProperty('contractAmount');
    expect(await api.instanceTasks(parent.id)).toEqual([]);
    const [check] = await expectTasks(child.id, ['checkCounterparty']);
    expect(check.name).toBe('Проверить контрагента ООО Ромашка');

    // when the child's task completes
    await api.completeOk(check.id, { creditLimit: long(500_000), riskLevel: str('низкий') });

    // then the child ends and the parent resumes with the out-mapped variable
    await api.expectEnded(child.id);
    const [sign] = await expectTasks(parent.id, ['signContract']);
    expect(sign.name).toBe('Подписать договор с лимитом 500000');
    const parentVariables = await api.variables(parent.id);
    expect(parentVariables.approvedLimit).toMatchObject({ value: 500_000, type: 'Long' });
    expect(parentVariables).not.toHaveProperty('creditLimit');
    expect(parentVariables).not.toHaveProperty('riskLevel');
    expect(parentVariables).not.toHaveProperty('counterparty');
    await api.completeOk(sign.id);
    await api.expectEnded(parent.id);
    const callActivity = (await api.history(parent.id)).find((a) => a.activityId === 'creditCheck');
    expect(callActivity?.calledProcessInstanceId).toBe(child.id);
    expect(await api.path(child.id)).toEqual(['start', 'checkCounterparty', 'checked']);
  });

  describe('boundary events on a user task', () => {
    it('an interrupting message boundary event cancels the task and takes its path', async () => {
      // given
      await api.deployOk(
        fixture('scopes.message-boundary-interrupting'),
        'scopes.message-boundary-interrupting.bpmn',
      );
      const cancelled = await api.start('scopes_message_boundary', { businessKey: 'order-101' });
      const other = await api.start('scopes_message_boundary', { businessKey: 'order-102' });
      const [approve] = await expectTasks(cancelled.id, ['approveOrder']);

      // when
      const res = await api.correlate({ messageName: 'order-cancelled', businessKey: 'order-101' });

      // then
      expect(res.status).toBe(204);
      expect((await api.task(approve.id)).status).toBe(404);
      const [cancellation] = await expectTasks(cancelled.id, ['processCancellation']);
      await expectTasks(other.id, ['approveOrder']);
      await api.completeOk(cancellation.id);
      await api.expectEnded(cancelled.id);
      const history = await api.history(cancelled.id);
      expect(history.find((a) => a.activityId === 'approveOrder')?.canceled).toBe(true);
      const path = history.map((a) => a.activityId);
      expect(path).toEqual(expect.arrayContaining(['orderCancelled', 'orderWithdrawn']));
      expect(path).not.toContain('orderApproved');
    });

    it('a non-interrupting message boundary event keeps the task and adds one per message', async () => {
      // given
      await api.deployOk(
        fixture('scopes.message-boundary-non-interrupting'),
        'scopes.message-boundary-non-interrupting.bpmn',
      );
      const instance = await api.start('scopes_message_boundary_ni', { businessKey: 'order-201' });
      const [assemble] = await expectTasks(instance.id, ['assembleOrder']);

      // when
      await api.correlateOk({
        messageName: 'client-called',
        businessKey: 'order-201',
        processVariables: { callerName: str('Иван Петров') },
      });

      // then
      const tasks = await expectTasks(instance.id, ['assembleOrder', 'callBack']);
      expect(tasks.find((x) => x.taskDefinitionKey === 'assembleOrder')!.id).toBe(assemble.id);
      expect(tasks.find((x) => x.taskDefinitionKey === 'callBack')!.name).toBe(
        'Перезвонить клиенту Иван Петров',
      );

      // the boundary event still listens while the task waits
      await api.correlateOk({ messageName: 'client-called', businessKey: 'order-201' });
      const more = await expectTasks(instance.id, ['assembleOrder', 'callBack', 'callBack']);

      // once the task is done, nothing listens any more
      await api.completeOk(assemble.id);
      const late = await api.correlate({ messageName: 'client-called', businessKey: 'order-201' });
      expect(late.status).toBe(400);
      for (const task of more.filter((x) => x.taskDefinitionKey === 'callBack')) {
        await api.completeOk(task.id);
      }
      await api.expectEnded(instance.id);
      const path = await api.path(instance.id);
      expect(path.filter((id) => id === 'clientCalledBack')).toHaveLength(2);
      expect(path).toContain('orderAssembled');
    });

    it('an interrupting timer boundary event has a job due after its duration; executing it cancels the task', async () => {
      // given
      await api.deployOk(
        fixture('scopes.timer-boundary-interrupting'),
        'scopes.timer-boundary-interrupting.bpmn',
      );
      const before = Date.now();
      const instance = await api.start('scopes_timer_boundary', { businessKey: 'act-301' });
      const [sign] = await expectTasks(instance.id, ['signAct']);
      const job = await expectOneTimer(instance.id, before, 48 * HOUR);

      // when
      await api.executeJobOk(job.id);

      // then
      expect((await api.task(sign.id)).status).toBe(404);
      const [escalate] = await expectTasks(instance.id, ['escalate']);
      expect(await api.jobs({ processInstanceId: instance.id })).toEqual([]);
      await api.completeOk(escalate.id);
      await api.expectEnded(instance.id);
      const history = await api.history(instance.id);
      expect(history.find((a) => a.activityId === 'signAct')?.canceled).toBe(true);
      const path = history.map((a) => a.activityId);
      expect(path).toEqual(expect.arrayContaining(['twoDaysPassed', 'escalate', 'escalated']));
      expect(path).not.toContain('actSigned');
    });

    it('a non-interrupting timer boundary event keeps the task and adds a reminder', async () => {
      // given
      await api.deployOk(
        fixture('scopes.timer-boundary-non-interrupting'),
        'scopes.timer-boundary-non-interrupting.bpmn',
      );
      const before = Date.now();
      const instance = await api.start('scopes_timer_boundary_ni', { businessKey: 'offer-401' });
      const [prepare] = await expectTasks(instance.id, ['prepareOffer']);
      const job = await expectOneTimer(instance.id, before, 4 * HOUR);

      // when
      await api.executeJobOk(job.id);

      // then
      const tasks = await expectTasks(instance.id, ['prepareOffer', 'remindManager']);
      expect(tasks.find((x) => x.taskDefinitionKey === 'prepareOffer')!.id).toBe(prepare.id);
      expect(await api.jobs({ processInstanceId: instance.id })).toEqual([]); // a duration fires once
      await api.completeOk(tasks.find((x) => x.taskDefinitionKey === 'remindManager')!.id);
      expect((await api.instance(instance.id)).status).toBe(200);
      await api.completeOk(prepare.id);
      await api.expectEnded(instance.id);
      expect(await api.path(instance.id)).toEqual(
        expect.arrayContaining(['fourHoursPassed', 'managerReminded', 'offerSent']),
      );
    });
  });

  it('an error boundary event on an external task catches the worker’s BPMN error', async () => {
    // given
    await api.deployOk(
      fixture('scopes.error-boundary-external-task'),
      'scopes.error-boundary-external-task.bpmn',
    );
    const instance = await api.start('scopes_error_boundary', { businessKey: 'order-501' });
    const [row] = await api.externalTasks({ processInstanceId: instance.id });
    expect(row).toMatchObject({ topicName: 'reserve-stock', activityId: 'reserveStock' });
    const locked = await api.fetchAndLock('stock-worker', 'reserve-stock');
    expect(locked.map((x) => x.id)).toContain(row.id);

    // when
    const res = await request(t.http)
      .post(`/engine-rest/external-task/${String(row.id)}/bpmnError`)
      .send({
        workerId: 'stock-worker',
        errorCode: 'OUT_OF_STOCK',
        errorMessage: 'Товара нет на складе',
        variables: { missingSku: str('SKU-1042') },
      });

    // then
    expect(res.status).toBe(204);
    expect(await api.externalTasks({ processInstanceId: instance.id })).toEqual([]);
    const [replace] = await expectTasks(instance.id, ['offerReplacement']);
    expect((await api.variables(instance.id)).missingSku).toMatchObject({ value: 'SKU-1042' });
    await api.completeOk(replace.id);
    await api.expectEnded(instance.id);
    const path = await api.path(instance.id);
    expect(path).toEqual(
      expect.arrayContaining(['outOfStock', 'offerReplacement', 'replacementOffered']),
    );
    expect(path).not.toContain('shipOrder');
  });

  describe('waiting for a message', () => {
    it('an intermediate message catch event is correlated by business key', async () => {
      // given
      await api.deployOk(
        fixture('scopes.intermediate-message-catch'),
        'scopes.intermediate-message-catch.bpmn',
      );
      const first = await api.start('scopes_message_catch', { businessKey: 'invoice-1' });
      const second = await api.start('scopes_message_catch', { businessKey: 'invoice-2' });

      // a message before the catch event is reached matches nothing
      const early = await api.correlate({ messageName: 'invoice-paid', businessKey: 'invoice-1' });
      expect(early.status).toBe(400);

      for (const instance of [first, second]) {
        const [send] = await expectTasks(instance.id, ['sendInvoice']);
        await api.completeOk(send.id);
        await expectTasks(instance.id, []);
      }

      // a message that matches two waiting instances is ambiguous
      const ambiguous = await api.correlate({ messageName: 'invoice-paid' });
      expect(ambiguous.status).toBe(400);

      // when
      await api.correlateOk({
        messageName: 'invoice-paid',
        businessKey: 'invoice-2',
        processVariables: { paidAmount: long(84_000) },
      });

      // then only the matching instance moves on
      const [ship] = await expectTasks(second.id, ['shipOrder']);
      expect(ship.name).toBe('Отгрузить заказ на сумму 84000');
      await expectTasks(first.id, []);
      await api.completeOk(ship.id);
      await api.expectEnded(second.id);
      expect(await api.path(second.id)).toEqual([
        'start',
        'sendInvoice',
        'invoicePaid',
        'shipOrder',
        'orderShipped',
      ]);

      await api.correlateOk({
        messageName: 'invoice-paid',
        businessKey: 'invoice-1',
        processVariables: { paidAmount: long(12_500) },
      });
      const [shipFirst] = await expectTasks(first.id, ['shipOrder']);
      await api.completeOk(shipFirst.id);
      await api.expectEnded(first.id);
    });

    describe('a receive task', () => {
      let byKey: string;
      let byVariable: string;
      beforeAll(async () => {
        await api.deployOk(fixture('scopes.receive-task'), 'scopes.receive-task.bpmn');
        byKey = (
          await api.start('scopes_receive_task', {
            businessKey: 'contract-1',
            variables: { clientName: str('ООО Вектор'), contractNumber: str('Д-2025/16') },
          })
        ).id;
        byVariable = (
          await api.start('scopes_receive_task', {
            businessKey: 'contract-2',
            variables: { clientName: str('ИП Лебедев'), contractNumber: str('Д-2025/17') },
          })
        ).id;
      });

      it('waits and is correlated by business key', async () => {
        await expectTasks(byKey, []);
        await api.correlateOk({ messageName: 'contract-signed', businessKey: 'contract-1' });
        const [activate] = await expectTasks(byKey, ['activateClient']);
        expect(activate.name).toBe('Подключить клиента ООО Вектор');
        await expectTasks(byVariable, []);
        await api.completeOk(activate.id);
        await api.expectEnded(byKey);
        expect(await api.path(byKey)).toEqual([
          'start',
          'awaitSignature',
          'activateClient',
          'clientActivated',
        ]);
      });

      it('is correlated by correlation keys over process variables', async () => {
        await api.correlateOk({
          messageName: 'contract-signed',
          correlationKeys: { contractNumber: str('Д-2025/17') },
        });
        const [activate] = await expectTasks(byVariable, ['activateClient']);
        expect(activate.name).toBe('Подключить клиента ИП Лебедев');
        await api.completeOk(activate.id);
        await api.expectEnded(byVariable);
      });
    });
  });
});
