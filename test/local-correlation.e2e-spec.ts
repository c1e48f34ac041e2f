import { ElementsRest, fixture, str } from './elements/elements-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** POST /message with localCorrelationKeys and processVariablesLocal, as Camunda correlates them. */
describe('message correlation by local variables', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
    await api.deployOk(fixture('local-correlation.payment'), 'local-correlation.payment.bpmn');
    await api.deployOk(fixture('local-correlation.items'), 'local-correlation.items.bpmn');
  });
  afterAll(() => t.close());

  it('matches the execution whose input parameter equals the local key, and sets processVariablesLocal', async () => {
    // given two instances waiting for a payment, each with its invoice number as a local input
    const first = await api.start('invoice_payment', { variables: { invoice: str('INV-1') } });
    const second = await api.start('invoice_payment', { variables: { invoice: str('INV-2') } });

    // when the payment of INV-2 arrives
    const res = await api.correlate({
      messageName: 'payment-received',
      localCorrelationKeys: { invoiceNo: str('INV-2') },
      processVariablesLocal: { paidBy: str('accounting') },
      resultEnabled: true,
    });

    // then only the second instance moves on, with the local variable set in its (process) scope
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        resultType: 'Execution',
        execution: expect.objectContaining({ processInstanceId: second.id }),
      }),
    ]);
    await api.expectTasks(second.id, ['ship']);
    expect((await api.variables(second.id)).paidBy).toMatchObject({ value: 'accounting' });
    expect(await api.instanceTasks(first.id)).toHaveLength(0);
  });

  it('refuses a local key nobody waits with, and an ambiguous one without all, changing nothing', async () => {
    // given two instances waiting with the same invoice number
    const a = await api.start('invoice_payment', { variables: { invoice: str('INV-7') } });
    const b = await api.start('invoice_payment', { variables: { invoice: str('INV-7') } });

    // when correlating an unknown number, then nothing matches
    const none = await api.correlate({
      messageName: 'payment-received',
      localCorrelationKeys: { invoiceNo: str('INV-404') },
    });
    expect(none.status).toBe(400);
    expect(none.body.type).toBe('MismatchingMessageCorrelationException');

    // when correlating the shared number without all, then it is ambiguous
    const both = await api.correlate({
      messageName: 'payment-received',
      localCorrelationKeys: { invoiceNo: str('INV-7') },
    });
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('2 executions match');
    expect(await api.instanceTasks(a.id)).toHaveLength(0);
    expect(await api.instanceTasks(b.id)).toHaveLength(0);

    // a process variable is not a local one: the process-level name does not match locally
    const processLevel = await api.correlate({
      messageName: 'payment-received',
      localCorrelationKeys: { invoice: str('INV-7') },
    });
    expect(processLevel.status).toBe(400);

    // with all, both move on
    const all = await api.correlate({
      messageName: 'payment-received',
      localCorrelationKeys: { invoiceNo: str('INV-7') },
      all: true,
    });
    expect(all.status).toBe(204);
    await api.expectTasks(a.id, ['ship']);
    await api.expectTasks(b.id, ['ship']);
  });

  it('addresses one iteration of a parallel multi-instance receive task by its element variable', async () => {
    // given an order waiting for three items
    const order = await api.start('order_items', {
      variables: {
        items: { value: JSON.stringify(['doors', 'countertop', 'sink']), type: 'Json' },
      },
    });

    // when the countertop and then the other two are delivered
    for (const item of ['countertop', 'doors']) {
      await api.correlateOk({
        messageName: 'item-delivered',
        processInstanceId: order.id,
        localCorrelationKeys: { item: str(item) },
      });
      // then the order still waits for the rest, and the same item cannot be delivered twice
      expect(await api.instanceTasks(order.id)).toHaveLength(0);
      const again = await api.correlate({
        messageName: 'item-delivered',
        processInstanceId: order.id,
        localCorrelationKeys: { item: str(item) },
      });
      expect(again.status).toBe(400);
    }
    await api.correlateOk({
      messageName: 'item-delivered',
      processInstanceId: order.id,
      localCorrelationKeys: { item: str('sink') },
    });
    await api.expectTasks(order.id, ['check']);
  });
});
