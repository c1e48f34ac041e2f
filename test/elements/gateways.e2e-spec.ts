import { startTestApp, type TestApp } from '../support/test-app.js';
import { bool, ElementsRest, fixture, long } from './elements-rest.js';

const HOUR = 3600_000;

/** Gateways, each from its own fixture, driven through the REST API. */
describe('elements: gateways', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
  });
  afterAll(() => t.close());

  /** Activities that really ran (a catch event discarded by its gateway does not count). */
  async function taken(instanceId: string): Promise<string[]> {
    return (await api.history(instanceId)).filter((a) => !a.canceled).map((a) => a.activityId);
  }

  describe('exclusive gateway with conditions and a default flow', () => {
    beforeAll(async () => {
      await api.deployOk(fixture('gateways.exclusive'), 'gateways.exclusive.bpmn');
    });

    it.each([
      // 150 000 satisfies both conditions: the first flow in the diagram wins.
      { amount: 150_000, task: 'directorApproval', end: 'approvedByDirector' },
      { amount: 50_000, task: 'managerApproval', end: 'approvedByManager' }, // FEEL condition
      { amount: 5_000, task: 'shipWithoutApproval', end: 'shipped' }, // default flow
    ])('takes exactly one flow (amount $amount → $task)', async ({ amount, task, end }) => {
      // when
      const instance = await api.start('gateways_exclusive', {
        variables: { amount: long(amount) },
      });

      // then
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((x) => x.taskDefinitionKey)).toEqual([task]);
      await api.completeOk(tasks[0].id);
      await api.expectEnded(instance.id);
      expect(await api.path(instance.id)).toEqual(['start', 'amountGateway', task, end]);
    });
  });

  describe('parallel gateway', () => {
    it('forks into both branches and joins once', async () => {
      // given
      await api.deployOk(fixture('gateways.parallel'), 'gateways.parallel.bpmn');
      const instance = await api.start('gateways_parallel');
      const forked = await api.instanceTasks(instance.id);
      expect(forked.map((x) => x.taskDefinitionKey).sort()).toEqual([
        'issueInvoice',
        'prepareContract',
      ]);

      // when the first branch arrives, the join waits
      await api.completeOk(forked.find((x) => x.taskDefinitionKey === 'issueInvoice')!.id);
      const waiting = await api.instanceTasks(instance.id);
      expect(waiting.map((x) => x.taskDefinitionKey)).toEqual(['prepareContract']);

      // when the second branch arrives, the join fires once
      await api.completeOk(waiting[0].id);
      const joined = await api.instanceTasks(instance.id);
      expect(joined.map((x) => x.taskDefinitionKey)).toEqual(['shipGoods']);

      await api.completeOk(joined[0].id);
      await api.expectEnded(instance.id);
      const path = await api.path(instance.id);
      expect(path.filter((id) => id === 'shipGoods')).toHaveLength(1);
      expect(path.filter((id) => id === 'end')).toHaveLength(1);
    });
  });

  describe('inclusive gateway', () => {
    beforeAll(async () => {
      await api.deployOk(fixture('gateways.inclusive'), 'gateways.inclusive.bpmn');
    });

    it.each([
      {
        services: { delivery: true, installation: true, training: false },
        expected: ['arrangeDelivery', 'assignInstaller'],
      },
      {
        services: { delivery: false, installation: true, training: false },
        expected: ['assignInstaller'],
      },
      {
        services: { delivery: true, installation: true, training: true },
        expected: ['arrangeDelivery', 'assignInstaller', 'planTraining'],
      },
    ])(
      'creates tasks only on branches whose condition holds: $expected',
      async ({ services, expected }) => {
        // when
        const instance = await api.start('gateways_inclusive', {
          variables: {
            needsDelivery: bool(services.delivery),
            needsInstallation: bool(services.installation),
            needsTraining: bool(services.training),
          },
        });

        // then
        const tasks = await api.instanceTasks(instance.id);
        expect(tasks.map((x) => x.taskDefinitionKey).sort()).toEqual(expected);

        // the join waits for every branch that was taken, and only for those
        for (const [index, task] of tasks.entries()) {
          expect(
            (await api.instanceTasks(instance.id)).map((x) => x.taskDefinitionKey),
          ).not.toContain('closeOrder');
          await api.completeOk(task.id);
          if (index < tasks.length - 1) expect((await api.instance(instance.id)).status).toBe(200);
        }
        const closing = await api.instanceTasks(instance.id);
        expect(closing.map((x) => x.taskDefinitionKey)).toEqual(['closeOrder']);
        await api.completeOk(closing[0].id);
        await api.expectEnded(instance.id);
        const path = await api.path(instance.id);
        const all = ['arrangeDelivery', 'assignInstaller', 'planTraining'];
        for (const id of all.filter((x) => !expected.includes(x))) expect(path).not.toContain(id);
        expect(path.filter((id) => id === 'closeOrder')).toHaveLength(1);
      },
    );
  });

  describe('event-based gateway: payment message versus a 72 hour timer', () => {
    beforeAll(async () => {
      await api.deployOk(fixture('gateways.event-based'), 'gateways.event-based.bpmn');
    });

    it('takes the message branch when the message is correlated first', async () => {
      // given
      const instance = await api.start('gateways_event_based', { businessKey: 'order-701' });
      expect(await api.instanceTasks(instance.id)).toEqual([]);
      expect(await api.jobs({ processInstanceId: instance.id })).toHaveLength(1);

      // when
      const res = await api.correlate({
        messageName: 'payment-received',
        businessKey: 'order-701',
        processVariables: { paidAmount: long(150_000) },
      });

      // then
      expect(res.status).toBe(204);
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((x) => x.taskDefinitionKey)).toEqual(['shipOrder']);
      expect(await api.jobs({ processInstanceId: instance.id })).toEqual([]);
      expect((await api.variables(instance.id)).paidAmount).toMatchObject({
        value: 150_000,
        type: 'Long',
      });
      await api.completeOk(tasks[0].id);
      await api.expectEnded(instance.id);
      const path = await taken(instance.id);
      expect(path).toEqual(
        expect.arrayContaining(['awaitPayment', 'paymentReceived', 'shipOrder', 'orderShipped']),
      );
      expect(path).not.toContain('threeDaysPassed');
      expect(path).not.toContain('remindClient');
    });

    it('takes the timer branch when the timer job is executed first', async () => {
      // given
      const before = Date.now();
      const instance = await api.start('gateways_event_based', { businessKey: 'order-702' });
      const job = await api.expectOneTimer(instance.id, before, 72 * HOUR);

      // when
      await api.executeJobOk(job.id);

      // then
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((x) => x.taskDefinitionKey)).toEqual(['remindClient']);
      const late = await api.correlate({
        messageName: 'payment-received',
        businessKey: 'order-702',
      });
      expect(late.status).toBe(400);
      await api.completeOk(tasks[0].id);
      await api.expectEnded(instance.id);
      const path = await taken(instance.id);
      expect(path).toEqual(
        expect.arrayContaining(['threeDaysPassed', 'remindClient', 'clientReminded']),
      );
      expect(path).not.toContain('paymentReceived');
      expect(path).not.toContain('shipOrder');
    });
  });
});
