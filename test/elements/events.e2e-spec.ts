import { startTestApp, type TestApp } from '../support/test-app.js';
import { bool, ElementsRest, fixture, str } from './elements-rest.js';

/** Start and end events, each from its own fixture, driven through the REST API. */
describe('elements: start and end events', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
  });
  afterAll(() => t.close());

  it('a none start event starts on REST start and a none end event ends the instance', async () => {
    // given
    await api.deployOk(fixture('events.none-start'), 'events.none-start.bpmn');

    // when
    const instance = await api.start('events_none_start', {
      businessKey: 'request-1',
      variables: { clientName: str('ООО Ромашка'), manager: str('dmitry') },
    });

    // then
    expect(instance.ended).toBe(false);
    const [task] = await api.instanceTasks(instance.id);
    expect(task).toMatchObject({
      taskDefinitionKey: 'callClient',
      name: 'Позвонить клиенту ООО Ромашка',
      assignee: 'dmitry',
    });
    await api.completeOk(task.id);
    await api.expectEnded(instance.id);
    expect(await api.path(instance.id)).toEqual([
      'requestReceived',
      'callClient',
      'requestHandled',
    ]);
  });

  it('a none end event ends only its own branch', async () => {
    // given
    await api.deployOk(fixture('events.none-end'), 'events.none-end.bpmn');
    const instance = await api.start('events_none_end');
    const tasks = await api.instanceTasks(instance.id);
    expect(tasks.map((task) => task.taskDefinitionKey).sort()).toEqual([
      'issueInvoice',
      'prepareContract',
    ]);

    // when one branch reaches its end event
    await api.completeOk(tasks.find((task) => task.taskDefinitionKey === 'prepareContract')!.id);

    // then the other branch still waits
    expect((await api.instance(instance.id)).status).toBe(200);
    const [left] = await api.instanceTasks(instance.id);
    expect(left.taskDefinitionKey).toBe('issueInvoice');

    // when the last branch ends, so does the instance
    await api.completeOk(left.id);
    await api.expectEnded(instance.id);
    expect(await api.path(instance.id)).toEqual(
      expect.arrayContaining(['contractReady', 'invoiceIssued']),
    );
  });

  it('a terminate end event ends the instance and removes the other branches’ tasks', async () => {
    // given
    await api.deployOk(fixture('events.terminate-end'), 'events.terminate-end.bpmn');
    const instance = await api.start('events_terminate_end', { businessKey: 'deal-urgent' });
    const tasks = await api.instanceTasks(instance.id);
    expect(tasks).toHaveLength(3);

    // when
    await api.completeOk(tasks.find((task) => task.taskDefinitionKey === 'prepareContract')!.id);

    // then
    await api.expectEnded(instance.id);
    expect(await api.tasks({ processInstanceBusinessKey: 'deal-urgent' })).toEqual([]);
    for (const task of tasks.filter((x) => x.taskDefinitionKey !== 'prepareContract')) {
      expect((await api.task(task.id)).status).toBe(404);
    }
    const history = await api.history(instance.id);
    expect(history.map((a) => a.activityId)).toContain('dealClosed');
    expect(history.map((a) => a.activityId)).not.toContain('invoiceIssued');
    const canceled = history.filter((a) => a.canceled).map((a) => a.activityId);
    expect(canceled.sort()).toEqual(['callClient', 'issueInvoice']);
  });

  it('a message start event starts an instance on POST /message with its variables', async () => {
    // given
    await api.deployOk(fixture('events.message-start'), 'events.message-start.bpmn');
    expect(await api.instances({ processDefinitionKey: 'events_message_start' })).toEqual([]);

    // when
    const res = await api.correlate({
      messageName: 'lead-received',
      businessKey: 'lead-42',
      processVariables: { clientName: str('ИП Соколов'), phone: str('+7 495 123-45-67') },
    });

    // then
    expect(res.status).toBe(204);
    const instances = await api.instances({ processDefinitionKey: 'events_message_start' });
    expect(instances).toHaveLength(1);
    const [instance] = instances;
    expect(instance.businessKey).toBe('lead-42');
    expect(await api.variables(instance.id)).toMatchObject({
      clientName: { value: 'ИП Соколов', type: 'String' },
      phone: { value: '+7 495 123-45-67', type: 'String' },
    });
    const [task] = await api.instanceTasks(instance.id);
    expect(task).toMatchObject({
      taskDefinitionKey: 'callClient',
      name: 'Позвонить клиенту ИП Соколов',
    });
    await api.completeOk(task.id);
    await api.expectEnded(instance.id);
    expect(await api.path(instance.id)).toEqual(['leadReceived', 'callClient', 'leadHandled']);
  });

  it('with several start events, each message and each REST start begins its own instance at its own start', async () => {
    // given
    await api.deployOk(
      fixture('events.several-message-starts'),
      'events.several-message-starts.bpmn',
    );
    const key = 'events_several_message_starts';

    // when a lead comes by mail, one by the site form, and one is started by hand
    await api.correlateOk({ messageName: 'lead-from-mail', businessKey: 'mail-1' });
    await api.correlateOk({ messageName: 'lead-from-site', businessKey: 'site-1' });
    const manual = await api.start(key, { businessKey: 'manual-1' });

    // then three instances, each with one task, each having run only its own start event
    const instances = await api.instances({ processDefinitionKey: key });
    expect(instances.map((i) => i.businessKey).sort()).toEqual(['mail-1', 'manual-1', 'site-1']);
    const starts = { 'mail-1': 'mailLead', 'site-1': 'siteLead', 'manual-1': 'manualLead' };
    for (const instance of instances) {
      expect(await api.instanceTasks(instance.id)).toHaveLength(1);
      const started = (await api.history(instance.id))
        .filter((a) => a.activityType === 'startEvent' && !a.canceled)
        .map((a) => a.activityId);
      expect(started).toEqual([starts[instance.businessKey as keyof typeof starts]]);
    }
    expect(manual.id).toBe(instances.find((i) => i.businessKey === 'manual-1')?.id);
  });

  it('camunda:initiator keeps who started the instance in a variable, for a REST and a message start', async () => {
    // given a start event that names the starter's variable, and a task assigned to it
    await api.deployOk(fixture('events.initiator'), 'events.initiator.bpmn');
    const key = 'events_initiator';

    // when the signed-in user starts one instance by REST and one by a message
    const byRest = await api.start(key, { businessKey: 'rest-1' });
    await api.correlateOk({ messageName: 'call-back-requested', businessKey: 'message-1' });

    // then both hold the caller's id, and the task is theirs
    const [byMessage] = (await api.instances({ processDefinitionKey: key })).filter(
      (instance) => instance.businessKey === 'message-1',
    );
    for (const id of [byRest.id, byMessage.id]) {
      expect((await api.variables(id)).leadOwner).toMatchObject({
        value: 'test-admin',
        type: 'String',
      });
      expect(await api.instanceTasks(id)).toEqual([
        expect.objectContaining({ taskDefinitionKey: 'callClient', assignee: 'test-admin' }),
      ]);
    }

    // and a start variable of that name wins, as in Camunda
    const handedOver = await api.start(key, { variables: { leadOwner: str('dmitry') } });
    const [task] = await api.instanceTasks(handedOver.id);
    expect(task.assignee).toBe('dmitry');
  });

  it('a message nobody waits for is refused with 400', async () => {
    const res = await api.correlate({ messageName: 'no-such-message', businessKey: 'lead-43' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('no-such-message');
  });

  describe('an error end event inside an embedded sub-process', () => {
    beforeAll(async () => {
      await api.deployOk(
        fixture('events.error-end-in-sub-process'),
        'events.error-end-in-sub-process.bpmn',
      );
    });

    it('is caught by the error boundary event of the sub-process', async () => {
      // given
      const instance = await api.start('events_error_end', { businessKey: 'order-501' });
      const [check] = await api.instanceTasks(instance.id);
      expect(check.taskDefinitionKey).toBe('checkStock');

      // when
      await api.completeOk(check.id, { inStock: bool(false) });

      // then
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((task) => task.taskDefinitionKey)).toEqual(['notifyClient']);
      await api.completeOk(tasks[0].id);
      await api.expectEnded(instance.id);
      const path = await api.path(instance.id);
      expect(path).toEqual(
        expect.arrayContaining([
          'outOfStock',
          'outOfStockCaught',
          'notifyClient',
          'orderCancelled',
        ]),
      );
      expect(path).not.toContain('shipOrder');
      expect(path).not.toContain('reserved');
    });

    it('stores the error code in camunda:errorCodeVariable', async () => {
      const instance = await api.start('events_error_end', { businessKey: 'order-502' });
      const [check] = await api.instanceTasks(instance.id);
      await api.completeOk(check.id, { inStock: bool(false) });
      expect(await api.variables(instance.id)).toMatchObject({
        errorCode: { value: 'OUT_OF_STOCK', type: 'String' },
      });
    });

    it('lets the sub-process complete normally when no error is thrown', async () => {
      const instance = await api.start('events_error_end', { businessKey: 'order-503' });
      const [check] = await api.instanceTasks(instance.id);
      await api.completeOk(check.id, { inStock: bool(true) });
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((task) => task.taskDefinitionKey)).toEqual(['shipOrder']);
      await api.completeOk(tasks[0].id);
      await api.expectEnded(instance.id);
      const path = await api.path(instance.id);
      expect(path).toEqual(expect.arrayContaining(['reserved', 'shipOrder', 'orderShipped']));
      expect(path).not.toContain('outOfStockCaught');
    });
  });

  it('a timer start event has a job for the definition; executing it starts an instance', async () => {
    // given
    const before = Date.now();
    await api.deployOk(fixture('events.timer-start'), 'events.timer-start.bpmn');
    const jobs = await api.jobs({ processDefinitionKey: 'events_timer_start' });
    expect(jobs).toHaveLength(1);
    const due = Date.parse(jobs[0].dueDate!);
    expect(due).toBeGreaterThan(before); // next 09:00 UTC
    expect(due).toBeLessThanOrEqual(before + 24 * 3600_000);
    expect(new Date(due).getUTCHours()).toBe(9);
    expect(await api.instances({ processDefinitionKey: 'events_timer_start' })).toEqual([]);

    // when
    await api.executeJobOk(jobs[0].id);

    // then
    const instances = await api.instances({ processDefinitionKey: 'events_timer_start' });
    expect(instances).toHaveLength(1);
    const [task] = await api.instanceTasks(instances[0].id);
    expect(task).toMatchObject({
      taskDefinitionKey: 'reconcileStock',
      name: 'Сверить остатки на складе',
    });
    // A cycle schedules its next run.
    const next = await api.jobs({ processDefinitionKey: 'events_timer_start' });
    const startJobs = next.filter((job) => job.processInstanceId === null);
    expect(startJobs).toHaveLength(1);
    expect(Date.parse(startJobs[0].dueDate!)).toBeGreaterThan(due);

    await api.completeOk(task.id);
    await api.expectEnded(instances[0].id);
    expect(await api.path(instances[0].id)).toEqual([
      'everyMorning',
      'reconcileStock',
      'stockReconciled',
    ]);
  });
});
