import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ElementsRest, fixture, long, str } from './elements-rest.js';

interface ActivityInstanceTree {
  activityId: string;
  childActivityInstances: ActivityInstanceTree[];
}

function activityIds(tree: ActivityInstanceTree): string[] {
  return [tree.activityId, ...tree.childActivityInstances.flatMap(activityIds)];
}

/** Embedded sub-processes, call activities, and waiting for messages (catch event, receive task). */
describe('elements: scopes and message waits', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
  });
  afterAll(() => t.close());

  it('what activities inside a sub-process write reaches the instance, and skipped branches resolve nothing', async () => {
    // given a sub-process whose task maps an output, whose script sets a variable, and whose
    // gateway skips a task with an input naming a variable that never exists
    await api.deployOk(fixture('scopes.sub-process-writes'), 'scopes.sub-process-writes.bpmn');
    const instance = await api.start('scopes_sub_process_writes');
    const [accept] = await api.expectTasks(instance.id, ['acceptMeasurements']);

    // when the task inside completes
    await api.completeOk(accept.id);

    // then both writes are process variables, used after the sub-process
    const [after] = await api.expectTasks(instance.id, ['after']);
    expect(after.assignee).toBe('measurer');
    const variables = await api.variables(instance.id);
    expect(variables.stage).toMatchObject({ value: 'Замеры' });
    expect(variables.fromScript).toMatchObject({ value: 1 });
    expect(Object.keys(variables)).not.toContain('content');
  });

  it('an embedded sub-process runs its tasks, then the flow continues after it', async () => {
    // given
    await api.deployOk(fixture('scopes.embedded-sub-process'), 'scopes.embedded-sub-process.bpmn');
    const instance = await api.start('scopes_embedded', { businessKey: 'contract-11' });

    // then the task inside the sub-process waits, and the sub-process is active
    const [prepare] = await api.expectTasks(instance.id, ['prepareContract']);
    const tree = await request(t.http)
      .get(`/engine-rest/process-instance/${instance.id}/activity-instances`)
      .expect(200);
    expect(activityIds(tree.body)).toEqual(
      expect.arrayContaining(['contracting', 'prepareContract']),
    );

    // when
    await api.completeOk(prepare.id);
    const [approve] = await api.expectTasks(instance.id, ['approveContract']);
    await api.completeOk(approve.id);

    // then the sub-process is left and the flow goes on
    const [send] = await api.expectTasks(instance.id, ['sendContract']);
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
    const [check] = await api.expectTasks(child.id, ['checkCounterparty']);
    expect(check.name).toBe('Проверить контрагента ООО Ромашка');

    // when the child's task completes
    await api.completeOk(check.id, { creditLimit: long(500_000), riskLevel: str('низкий') });

    // then the child ends and the parent resumes with the out-mapped variable
    await api.expectEnded(child.id);
    const [sign] = await api.expectTasks(parent.id, ['signContract']);
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
        const [send] = await api.expectTasks(instance.id, ['sendInvoice']);
        await api.completeOk(send.id);
        await api.expectTasks(instance.id, []);
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
      const [ship] = await api.expectTasks(second.id, ['shipOrder']);
      expect(ship.name).toBe('Отгрузить заказ на сумму 84000');
      await api.expectTasks(first.id, []);
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
      const [shipFirst] = await api.expectTasks(first.id, ['shipOrder']);
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
        await api.expectTasks(byKey, []);
        await api.correlateOk({ messageName: 'contract-signed', businessKey: 'contract-1' });
        const [activate] = await api.expectTasks(byKey, ['activateClient']);
        expect(activate.name).toBe('Подключить клиента ООО Вектор');
        await api.expectTasks(byVariable, []);
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
        const [activate] = await api.expectTasks(byVariable, ['activateClient']);
        expect(activate.name).toBe('Подключить клиента ИП Лебедев');
        await api.completeOk(activate.id);
        await api.expectEnded(byVariable);
      });
    });
  });
});
