import { readFileSync } from 'node:fs';
import request from 'supertest';
import { Clock } from '../src/common/clock.js';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REST = '/engine-rest/external-task';
const TOPIC = 'send-invoice';

interface LockedTask {
  id: string;
  workerId: string;
  businessKey: string | null;
  processDefinitionKey: string;
  priority: number;
  retries: number | null;
  errorMessage: string | null;
  errorDetails: string | null;
  lockExpirationTime: string | null;
  variables: Record<string, { value: unknown; type: string }>;
}

interface FetchOptions {
  topicName?: string;
  businessKey?: string;
  processDefinitionKey?: string;
  lockDuration?: number;
  variables?: string[];
  maxTasks?: number;
  usePriority?: boolean;
  asyncResponseTimeout?: number;
}

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/bpmn/${name}.bpmn`, import.meta.url), 'utf8');
}

/**
 * The external task worker API over plain HTTP: fetch-and-lock semantics (exclusive locks, expiry,
 * extension, unlocking, retry timeouts, long polling, filters, priority) and its error answers.
 * Every test works on orders of its own business key, so tasks left by one test stay out of the next.
 */
describe('external task REST API: fetch and lock semantics', () => {
  let t: TestApp;
  let api: EngineRest;
  let clock: Clock;

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    clock = t.app.get(Clock);
    await api.deployOk(fixture('external-task-api.invoice'), 'external-task-api.invoice.bpmn');
    await api.deployOk(fixture('external-task-api.reminder'), 'external-task-api.reminder.bpmn');
    await api.deployOk(fixture('external-task-api.priority'), 'external-task-api.priority.bpmn');
  });
  afterAll(() => t.close());

  function fetchAndLock(workerId: string, options: FetchOptions): request.Test {
    const { maxTasks = 10, usePriority, asyncResponseTimeout, ...topic } = options;
    return request(t.http)
      .post(`${REST}/fetchAndLock`)
      .send({
        workerId,
        maxTasks,
        usePriority,
        asyncResponseTimeout,
        topics: [{ topicName: TOPIC, lockDuration: 10_000, ...topic }],
      });
  }

  async function fetchOk(workerId: string, options: FetchOptions): Promise<LockedTask[]> {
    const res = await fetchAndLock(workerId, options);
    if (res.status !== 200) throw new Error(`fetchAndLock: ${res.status} ${res.text}`);
    return res.body;
  }

  async function startInvoices(businessKey: string, count = 1): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await api.start('invoice_sending', { businessKey })).id);
    return ids;
  }

  async function externalTask(id: string): Promise<LockedTask> {
    return (await request(t.http).get(`${REST}/${id}`).expect(200)).body;
  }

  const post = (id: string, action: string, body: Record<string, unknown>) =>
    request(t.http).post(`${REST}/${id}/${action}`).send(body);

  it('never gives one task to two workers fetching at the same time', async () => {
    await startInvoices('concurrent', 6);

    const results = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((worker) =>
        fetchOk(worker, { businessKey: 'concurrent', maxTasks: 2 }),
      ),
    );

    const ids = results.flat().map((task) => task.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    for (const [i, tasks] of results.entries()) {
      for (const task of tasks) expect((await externalTask(task.id)).workerId).toBe(`w${i + 1}`);
    }
    expect(await fetchOk('w5', { businessKey: 'concurrent' })).toEqual([]);
  });

  it('refuses a worker that does not hold the lock, and changes nothing', async () => {
    const [instanceId] = await startInvoices('foreign-lock');
    const [task] = await fetchOk('worker-a', { businessKey: 'foreign-lock' });

    const complete = await post(task.id, 'complete', {
      workerId: 'worker-b',
      variables: { sent: { value: true, type: 'Boolean' } },
    });
    expect(complete.status).toBe(400);
    expect(complete.body.message).toContain('worker-a');
    for (const [action, body] of [
      ['failure', { errorMessage: 'нет связи', retries: 0 }],
      ['bpmnError', { errorCode: 'ANY' }],
      ['extendLock', { newDuration: 60_000 }],
    ] as const) {
      expect((await post(task.id, action, { workerId: 'worker-b', ...body })).status).toBe(400);
    }

    expect(await externalTask(task.id)).toMatchObject({
      workerId: 'worker-a',
      retries: null,
      errorMessage: null,
      lockExpirationTime: task.lockExpirationTime,
    });
    expect(await api.variables(instanceId)).not.toHaveProperty('sent');
    expect(await api.tasks({ processInstanceId: instanceId })).toEqual([]);

    await post(task.id, 'complete', { workerId: 'worker-a' }).expect(204);
    expect(await api.tasks({ processInstanceId: instanceId })).toMatchObject([
      { taskDefinitionKey: 'confirmPayment' },
    ]);
  });

  it('lets another worker fetch a task once its lock expired', async () => {
    await startInvoices('expiry');
    const [task] = await fetchOk('worker-a', { businessKey: 'expiry', lockDuration: 1000 });
    expect(await fetchOk('worker-b', { businessKey: 'expiry' })).toEqual([]);

    clock.advance(1200);

    const [again] = await fetchOk('worker-b', { businessKey: 'expiry' });
    expect(again).toMatchObject({ id: task.id, workerId: 'worker-b' });
    expect((await post(task.id, 'complete', { workerId: 'worker-a' })).status).toBe(400);
    await post(task.id, 'complete', { workerId: 'worker-b' }).expect(204);
  });

  it('lists locked and unlocked tasks by the service clock', async () => {
    const [instanceId] = await startInvoices('locked-filter');
    const [task] = await fetchOk('worker-a', { businessKey: 'locked-filter', lockDuration: 5000 });
    const ids = async (filter: string) =>
      (
        (
          await request(t.http)
            .get(`${REST}?processInstanceId=${instanceId}&${filter}=true`)
            .expect(200)
        ).body as LockedTask[]
      ).map((row) => row.id);
    const count = async (filter: string) =>
      (
        (
          await request(t.http)
            .get(`${REST}/count?processInstanceId=${instanceId}&${filter}=true`)
            .expect(200)
        ).body as { count: number }
      ).count;
    expect(await ids('locked')).toEqual([task.id]);
    expect(await ids('notLocked')).toEqual([]);

    clock.advance(5001);

    expect(await ids('locked')).toEqual([]);
    expect(await ids('notLocked')).toEqual([task.id]);
    expect(await count('notLocked')).toBe(1);
    expect(await count('locked')).toBe(0);
  });

  it('extends a lock held by the worker, and refuses to extend an expired one', async () => {
    await startInvoices('extend');
    const [task] = await fetchOk('worker-a', { businessKey: 'extend', lockDuration: 1000 });

    await post(task.id, 'extendLock', { workerId: 'worker-a', newDuration: 60_000 }).expect(204);
    clock.advance(1200);
    expect(await fetchOk('worker-b', { businessKey: 'extend' })).toEqual([]);
    const expires = Date.parse((await externalTask(task.id)).lockExpirationTime ?? '');
    expect(expires - clock.now().getTime()).toBeGreaterThan(55_000);

    clock.advance(60_000);
    const expired = await post(task.id, 'extendLock', { workerId: 'worker-a', newDuration: 1000 });
    expect(expired.status).toBe(400);
    expect(await fetchOk('worker-b', { businessKey: 'extend' })).toMatchObject([{ id: task.id }]);
  });

  it('unlocks a task so any worker can fetch it at once', async () => {
    await startInvoices('unlock');
    const [task] = await fetchOk('worker-a', { businessKey: 'unlock' });

    await post(task.id, 'unlock', {}).expect(204);

    expect(await externalTask(task.id)).toMatchObject({ workerId: null, lockExpirationTime: null });
    expect(await fetchOk('worker-b', { businessKey: 'unlock' })).toMatchObject([
      { id: task.id, workerId: 'worker-b' },
    ]);
  });

  it('keeps a failed task away from workers until its retry timeout has passed', async () => {
    await startInvoices('retry-timeout');
    const [task] = await fetchOk('worker-a', { businessKey: 'retry-timeout' });

    await post(task.id, 'failure', {
      workerId: 'worker-a',
      errorMessage: 'Почтовый сервер недоступен',
      errorDetails: 'SMTP 421 4.7.0 Try again later',
      retries: 2,
      retryTimeout: 60_000,
    }).expect(204);

    expect(await externalTask(task.id)).toMatchObject({
      retries: 2,
      errorMessage: 'Почтовый сервер недоступен',
    });
    expect(await fetchOk('worker-b', { businessKey: 'retry-timeout' })).toEqual([]);
    clock.advance(59_000);
    expect(await fetchOk('worker-b', { businessKey: 'retry-timeout' })).toEqual([]);
    clock.advance(2_000);
    expect(await fetchOk('worker-b', { businessKey: 'retry-timeout' })).toMatchObject([
      {
        id: task.id,
        retries: 2,
        errorMessage: 'Почтовый сервер недоступен',
        errorDetails: 'SMTP 421 4.7.0 Try again later',
      },
    ]);
  });

  it('long-polls: a waiting fetch returns the task as soon as an instance creates it', async () => {
    const started = Date.now();
    const pending = fetchAndLock('long-poller', {
      businessKey: 'long-poll',
      asyncResponseTimeout: 3000,
    }).then((res) => ({ res, elapsed: Date.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await startInvoices('long-poll');

    const { res, elapsed } = await pending;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject([{ businessKey: 'long-poll', workerId: 'long-poller' }]);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1500);
  });

  it('long-polls until the timeout when nothing arrives, then answers an empty list', async () => {
    const started = Date.now();
    const res = await fetchAndLock('long-poller', {
      businessKey: 'nothing-comes',
      asyncResponseTimeout: 500,
    }).expect(200);
    expect(res.body).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('filters by business key and by process definition key', async () => {
    await startInvoices('filter-a');
    await startInvoices('filter-b');
    await api.start('payment_reminder', { businessKey: 'filter-a' });

    const byKey = await fetchOk('worker', { businessKey: 'filter-b' });
    expect(byKey).toMatchObject([
      { businessKey: 'filter-b', processDefinitionKey: 'invoice_sending' },
    ]);

    const byDefinition = await fetchOk('worker', { processDefinitionKey: 'payment_reminder' });
    expect(byDefinition).toMatchObject([
      { businessKey: 'filter-a', processDefinitionKey: 'payment_reminder' },
    ]);
    expect(await fetchOk('worker', { businessKey: 'filter-a' })).toMatchObject([
      { processDefinitionKey: 'invoice_sending' },
    ]);
  });

  it('returns only the requested variables, all of them when none are named', async () => {
    const variables = {
      invoiceNumber: { value: 'СЧ-2025-017', type: 'String' },
      amount: { value: 125_000.5, type: 'Double' },
      customer: { value: 'АО «Северсталь»', type: 'String' },
    };
    for (const key of ['vars-some', 'vars-all', 'vars-none'])
      await api.start('invoice_sending', { businessKey: key, variables });

    const [some] = await fetchOk('worker', {
      businessKey: 'vars-some',
      variables: ['invoiceNumber', 'amount', 'unknown'],
    });
    expect(some.variables).toEqual({
      invoiceNumber: expect.objectContaining({ value: 'СЧ-2025-017', type: 'String' }),
      amount: expect.objectContaining({ value: 125_000.5, type: 'Double' }),
    });
    const [all] = await fetchOk('worker', { businessKey: 'vars-all' });
    expect(Object.keys(all.variables).sort()).toEqual(['amount', 'customer', 'invoiceNumber']);
    const [none] = await fetchOk('worker', { businessKey: 'vars-none', variables: [] });
    expect(none.variables).toEqual({});
  });

  it('gives each task of a batch its own instance variables, shadowed by its input parameters', async () => {
    await api.deployOk(
      bpmn(
        `<process id="batch_reminder" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="remind" />
  <serviceTask id="remind" camunda:type="external" camunda:topic="remind-batch">
    <extensionElements><camunda:inputOutput>
      <camunda:inputParameter name="channel">\${customer == 'ИП Смирнов' ? 'sms' : 'email'}</camunda:inputParameter>
    </camunda:inputOutput></extensionElements>
  </serviceTask>
  <sequenceFlow id="f2" sourceRef="remind" targetRef="end" /><endEvent id="end" />
</process>`,
        'Definitions_batch_reminder',
      ),
      'batch-reminder.bpmn',
    );
    const customers = ['ООО «Кухни Урала»', 'ИП Смирнов', 'АО «Мебель-Сервис»'];
    for (const customer of customers)
      await api.start('batch_reminder', {
        businessKey: 'batch-vars',
        variables: {
          customer: { value: customer, type: 'String' },
          channel: { value: 'phone', type: 'String' },
        },
      });

    const fetched = await fetchOk('worker', {
      topicName: 'remind-batch',
      businessKey: 'batch-vars',
      maxTasks: 10,
    });

    const seen = fetched.map((task) => [
      task.variables.customer.value,
      task.variables.channel.value,
    ]);
    expect(seen.sort()).toEqual(
      [
        ['ООО «Кухни Урала»', 'email'],
        ['ИП Смирнов', 'sms'],
        ['АО «Мебель-Сервис»', 'email'],
      ].sort(),
    );
  });

  it('hands out the highest camunda:taskPriority first when usePriority is set', async () => {
    for (const priority of [10, 90, 50])
      await api.start('order_shipping', {
        businessKey: 'priority',
        variables: { priority: { value: priority, type: 'Integer' } },
      });
    const options = { topicName: 'book-carrier', businessKey: 'priority', usePriority: true };

    const first = await fetchOk('worker', { ...options, maxTasks: 1 });
    const rest = await fetchOk('worker', { ...options, maxTasks: 5 });

    expect([...first, ...rest].map((task) => task.priority)).toEqual([90, 50, 10]);
  });

  it('answers 404 for unknown ids', async () => {
    const id = 'no-such-external-task';
    await request(t.http).get(`${REST}/${id}`).expect(404);
    for (const [action, body] of [
      ['complete', {}],
      ['failure', { retries: 1 }],
      ['bpmnError', { errorCode: 'ANY' }],
      ['extendLock', { newDuration: 1000 }],
      ['unlock', {}],
    ] as const) {
      const res = await post(id, action, { workerId: 'worker', ...body });
      expect([action, res.status]).toEqual([action, 404]);
    }
    await request(t.http).put(`${REST}/${id}/retries`).send({ retries: 1 }).expect(404);
  });

  it('answers 400 for a fetch without workerId or topics', async () => {
    const topics = [{ topicName: TOPIC, lockDuration: 1000 }];
    const noWorker = await request(t.http)
      .post(`${REST}/fetchAndLock`)
      .send({ maxTasks: 1, topics })
      .expect(400);
    expect(noWorker.body.type).toBe('InvalidRequestException');
    await request(t.http)
      .post(`${REST}/fetchAndLock`)
      .send({ workerId: 'worker', maxTasks: 1 })
      .expect(400);
    await request(t.http)
      .post(`${REST}/fetchAndLock`)
      .send({ workerId: 'worker', maxTasks: 1, topics: [{ topicName: TOPIC }] })
      .expect(400);
  });
});
