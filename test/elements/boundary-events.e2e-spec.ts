import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ElementsRest, fixture, str } from './elements-rest.js';

const HOUR = 3600_000;

/** Boundary events attached to user and external tasks, each from its own fixture. */
describe('elements: boundary events', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
  });
  afterAll(() => t.close());

  it('an interrupting message boundary event cancels the task and takes its path', async () => {
    // given
    await api.deployOk(
      fixture('boundary-events.message-interrupting'),
      'boundary-events.message-interrupting.bpmn',
    );
    const cancelled = await api.start('boundary_message', { businessKey: 'order-101' });
    const other = await api.start('boundary_message', { businessKey: 'order-102' });
    const [approve] = await api.expectTasks(cancelled.id, ['approveOrder']);

    // when
    const res = await api.correlate({ messageName: 'order-cancelled', businessKey: 'order-101' });

    // then
    expect(res.status).toBe(204);
    expect((await api.task(approve.id)).status).toBe(404);
    const [cancellation] = await api.expectTasks(cancelled.id, ['processCancellation']);
    await api.expectTasks(other.id, ['approveOrder']);
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
      fixture('boundary-events.message-non-interrupting'),
      'boundary-events.message-non-interrupting.bpmn',
    );
    const instance = await api.start('boundary_message_ni', { businessKey: 'order-201' });
    const [assemble] = await api.expectTasks(instance.id, ['assembleOrder']);

    // when
    await api.correlateOk({
      messageName: 'client-called',
      businessKey: 'order-201',
      processVariables: { callerName: str('Иван Петров') },
    });

    // then
    const tasks = await api.expectTasks(instance.id, ['assembleOrder', 'callBack']);
    expect(tasks.find((x) => x.taskDefinitionKey === 'assembleOrder')!.id).toBe(assemble.id);
    expect(tasks.find((x) => x.taskDefinitionKey === 'callBack')!.name).toBe(
      'Перезвонить клиенту Иван Петров',
    );

    // the boundary event still listens while the task waits
    await api.correlateOk({ messageName: 'client-called', businessKey: 'order-201' });
    // Deviation from Camunda (bpmn-elements runs one instance of an activity at a time): the second
    // call-back is queued behind the first and becomes a task when the first is done.
    const [firstCallBack] = (
      await api.expectTasks(instance.id, ['assembleOrder', 'callBack'])
    ).filter((x) => x.taskDefinitionKey === 'callBack');
    await api.completeOk(firstCallBack.id);
    const [secondCallBack] = (
      await api.expectTasks(instance.id, ['assembleOrder', 'callBack'])
    ).filter((x) => x.taskDefinitionKey === 'callBack');
    expect(secondCallBack.id).not.toBe(firstCallBack.id);

    // once the task is done, nothing listens any more
    await api.completeOk(assemble.id);
    const late = await api.correlate({ messageName: 'client-called', businessKey: 'order-201' });
    expect(late.status).toBe(400);
    await api.completeOk(secondCallBack.id);
    await api.expectEnded(instance.id);
    const path = await api.path(instance.id);
    expect(path.filter((id) => id === 'clientCalledBack')).toHaveLength(2);
    expect(path).toContain('orderAssembled');
  });

  it('an interrupting timer boundary event is a job due after its duration; executing it cancels the task', async () => {
    // given
    await api.deployOk(
      fixture('boundary-events.timer-interrupting'),
      'boundary-events.timer-interrupting.bpmn',
    );
    const before = Date.now();
    const instance = await api.start('boundary_timer', { businessKey: 'act-301' });
    const [sign] = await api.expectTasks(instance.id, ['signAct']);
    const job = await api.expectOneTimer(instance.id, before, 48 * HOUR);

    // when
    await api.executeJobOk(job.id);

    // then
    expect((await api.task(sign.id)).status).toBe(404);
    const [escalate] = await api.expectTasks(instance.id, ['escalate']);
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
      fixture('boundary-events.timer-non-interrupting'),
      'boundary-events.timer-non-interrupting.bpmn',
    );
    const before = Date.now();
    const instance = await api.start('boundary_timer_ni', { businessKey: 'offer-401' });
    const [prepare] = await api.expectTasks(instance.id, ['prepareOffer']);
    const job = await api.expectOneTimer(instance.id, before, 4 * HOUR);

    // when
    await api.executeJobOk(job.id);

    // then
    const tasks = await api.expectTasks(instance.id, ['prepareOffer', 'remindManager']);
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

  it('an error boundary event on an external task catches the worker’s BPMN error', async () => {
    // given
    await api.deployOk(
      fixture('boundary-events.error-on-external-task'),
      'boundary-events.error-on-external-task.bpmn',
    );
    const instance = await api.start('boundary_error_external', { businessKey: 'order-501' });
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
    const [replace] = await api.expectTasks(instance.id, ['offerReplacement']);
    expect((await api.variables(instance.id)).missingSku).toMatchObject({ value: 'SKU-1042' });
    await api.completeOk(replace.id);
    await api.expectEnded(instance.id);
    const path = await api.path(instance.id);
    expect(path).toEqual(
      expect.arrayContaining(['outOfStock', 'offerReplacement', 'replacementOffered']),
    );
    expect(path).not.toContain('shipOrder');
  });
});
