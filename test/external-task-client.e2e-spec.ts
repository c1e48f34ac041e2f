import {
  BasicAuthInterceptor,
  Client,
  Variables,
  type Interceptor,
  type Task,
  type TaskService,
} from 'camunda-external-task-client-js';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EngineRest } from './support/engine-rest.js';
import { hashPassword } from '../src/identity/password-hasher.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ORDER = readFileSync(
  new URL('./fixtures/bpmn/external-task-client.order.bpmn', import.meta.url),
  'utf8',
);
const TOPIC = 'order-production';

type Behaviour = (task: Task, taskService: TaskService) => Promise<void>;

/**
 * The official Node.js worker (camunda-external-task-client-js), unmodified, against the service
 * listening on a real port: the contract Camunda users rely on when they move their workers here.
 * One subscription serves every test; what the worker does is chosen by the order's business key.
 */
describe('camunda-external-task-client-js works unmodified against /engine-rest', () => {
  let t: TestApp;
  let api: EngineRest;
  let client: Client;
  let polling = false;
  const behaviours = new Map<string, Behaviour>();
  const clientErrors = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(ORDER, 'external-task-client.order.bpmn');
    // The production system signs in as a technical user with the worker role, as with Camunda.
    const db = t.app.get(DataSource);
    await db.query(`INSERT INTO identity_user (id, password_hash) VALUES ('production', $1)`, [
      await hashPassword('production-secret'),
    ]);
    await db.query(
      `INSERT INTO identity_group (id, name, type) VALUES ('conveyor-workers', 'Workers', 'SYSTEM')`,
    );
    await db.query(
      `INSERT INTO identity_membership (user_id, group_id) VALUES ('production', 'conveyor-workers')`,
    );
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;

    client = new Client({
      baseUrl: `http://127.0.0.1:${port}/engine-rest`,
      workerId: 'production-worker',
      interval: 50,
      asyncResponseTimeout: 1000,
      lockDuration: 10_000,
      autoPoll: false,
      interceptors: new BasicAuthInterceptor({
        username: 'production',
        password: 'production-secret',
      }) as unknown as Interceptor,
    });
    for (const event of [
      'poll:error',
      'handler:error',
      'complete:error',
      'handleFailure:error',
      'handleBpmnError:error',
    ]) {
      client.on(event, (...args: unknown[]) => clientErrors.add(`${event}: ${readable(args)}`));
    }
    client.subscribe(TOPIC, async ({ task, taskService }) => {
      const behaviour = behaviours.get(task.businessKey ?? '');
      if (!behaviour) throw new Error(`no behaviour for order ${task.businessKey}`);
      await behaviour(task, taskService);
    });
    client.on('poll:start', () => (polling = true));
    client.on('poll:success', () => (polling = false));
    client.on('poll:error', () => (polling = false));
    client.start();
  });

  /** Stops polling and lets a long poll in flight end, so it does not race the shutdown. */
  async function stopClient(): Promise<void> {
    client.stop();
    if (!polling) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        client.off('poll:success', done);
        client.off('poll:error', done);
        resolve();
      };
      client.on('poll:success', done);
      client.on('poll:error', done);
    });
  }

  afterEach(() => {
    const errors = [...clientErrors];
    clientErrors.clear();
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    if (client) await stopClient();
    await t?.close();
  });

  /** Polls `probe` until it yields a value: the worker acts asynchronously, on its own schedule. */
  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (clientErrors.size > 0 || Date.now() > deadline)
        throw new Error(
          `gave up waiting for ${what}; client errors: ${[...clientErrors].join('; ')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function waitForUserTask(instanceId: string, taskDefinitionKey: string) {
    return waitFor(`user task ${taskDefinitionKey}`, async () => {
      const tasks = await api.tasks({ processInstanceId: instanceId, taskDefinitionKey });
      return tasks[0];
    });
  }

  async function externalTasksOf(instanceId: string): Promise<Record<string, unknown>[]> {
    const res = await request(t.http)
      .get('/engine-rest/external-task')
      .query({ processInstanceId: instanceId })
      .expect(200);
    return res.body;
  }

  it('answers JSON as the exact media type the client parses', async () => {
    // The client parses a body only when Content-Type is exactly "application/json" (as Camunda
    // sends it); otherwise it treats the body as a Buffer and iterates its bytes as tasks.
    const res = await request(t.http)
      .post('/engine-rest/external-task/fetchAndLock')
      .send({ workerId: 'probe', maxTasks: 1, topics: [{ topicName: 'none', lockDuration: 1000 }] })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('reads process variables and completes with typed variables; the order moves on', async () => {
    // given
    let seen: Record<string, unknown> = {};
    behaviours.set('order-1001', async (task, taskService) => {
      seen = task.variables.getAll();
      const variables = new Variables()
        .set('productionOrderNumber', 'ПЗ-1001')
        .set('plannedQuantity', 250)
        .set('expedite', true)
        .set('plannedStart', new Date('2025-03-03T06:00:00.000Z'))
        .set('specification', { material: 'сталь 09Г2С', items: [{ name: 'Кронштейн', qty: 250 }] })
        .setTyped('unitCost', { type: 'Double', value: 812.5, valueInfo: {} });
      await taskService.complete(task, variables);
    });

    // when
    const instance = await api.start('order_production', {
      businessKey: 'order-1001',
      variables: {
        orderNumber: { value: 'З-1001', type: 'String' },
        customer: { value: 'ООО «Уралмаш»', type: 'String' },
        quantity: { value: 250, type: 'Integer' },
        deliveryDate: { value: '2025-03-10T00:00:00.000+0000', type: 'Date' },
      },
    });
    await waitForUserTask(instance.id, 'checkProductionOrder');

    // then the worker saw the process variables, with their types
    expect(seen).toMatchObject({
      orderNumber: 'З-1001',
      customer: 'ООО «Уралмаш»',
      quantity: 250,
      deliveryDate: new Date('2025-03-10T00:00:00.000Z'),
    });
    // and the instance carries what the worker sent
    const variables = await api.variables(instance.id);
    expect(variables).toMatchObject({
      orderNumber: { type: 'String', value: 'З-1001' },
      productionOrderNumber: { type: 'String', value: 'ПЗ-1001' },
      plannedQuantity: { type: 'Integer', value: 250 },
      expedite: { type: 'Boolean', value: true },
      plannedStart: { type: 'Date', value: '2025-03-03T06:00:00.000+0000' },
      specification: { type: 'Json' },
      unitCost: { type: 'Double', value: 812.5 },
    });
    expect(JSON.parse(variables.specification.value as string)).toEqual({
      material: 'сталь 09Г2С',
      items: [{ name: 'Кронштейн', qty: 250 }],
    });
    expect(await externalTasksOf(instance.id)).toEqual([]);
  });

  it('reports failures with retries and a retry timeout; no retries left raises an incident', async () => {
    // given: the machine is unavailable, then broken; after the operator's retry it works
    const attempts: { at: number; retries: number | null }[] = [];
    behaviours.set('order-1002', async (task, taskService) => {
      attempts.push({ at: Date.now(), retries: task.retries });
      if (attempts.length === 1) {
        await taskService.handleFailure(task, {
          errorMessage: 'Станок ЧПУ недоступен',
          errorDetails: 'MES: нет ответа за 30 с',
          retries: 1,
          retryTimeout: 500,
        });
      } else if (attempts.length === 2) {
        await taskService.handleFailure(task, {
          errorMessage: 'Станок ЧПУ неисправен',
          errorDetails: 'MES: авария шпинделя',
          retries: 0,
          retryTimeout: 0,
        });
      } else {
        await taskService.complete(task);
      }
    });

    // when
    const instance = await api.start('order_production', { businessKey: 'order-1002' });
    const dataSource = t.app.get(DataSource);
    const [incident] = await waitFor('an incident', async () => {
      const rows: Record<string, unknown>[] = await dataSource.query(
        'SELECT * FROM incident WHERE instance_id = $1',
        [instance.id],
      );
      return rows.length > 0 ? rows : undefined;
    });

    // then the second attempt came only after the retry timeout, with the retries reported
    expect(attempts).toHaveLength(2);
    expect(attempts[0].retries).toBeNull();
    expect(attempts[1].retries).toBe(1);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(450);
    const [externalTask] = await externalTasksOf(instance.id);
    expect(externalTask).toMatchObject({
      activityId: 'sendToProduction',
      retries: 0,
      errorMessage: 'Станок ЧПУ неисправен',
      workerId: 'production-worker',
    });
    expect(incident).toMatchObject({
      type: 'failedExternalTask',
      external_task_id: externalTask.id,
      activity_id: 'sendToProduction',
      message: 'Станок ЧПУ неисправен',
    });
    // a task without retries is fetched by no one
    const fetched = await request(t.http)
      .post('/engine-rest/external-task/fetchAndLock')
      .send({
        workerId: 'inspector',
        maxTasks: 10,
        topics: [{ topicName: TOPIC, lockDuration: 1000, businessKey: 'order-1002' }],
      })
      .expect(200);
    expect(fetched.body).toEqual([]);

    // when the operator gives it a retry, the worker completes it and the incident is resolved
    await request(t.http)
      .put(`/engine-rest/external-task/${externalTask.id as string}/retries`)
      .send({ retries: 1 })
      .expect(204);
    await waitForUserTask(instance.id, 'checkProductionOrder');
    expect(attempts).toHaveLength(3);
    expect(
      await dataSource.query('SELECT id FROM incident WHERE instance_id = $1', [instance.id]),
    ).toEqual([]);
  });

  it('throws a BPMN error caught by the boundary event; the path after it is taken', async () => {
    // given
    behaviours.set('order-1003', (task, taskService) =>
      taskService.handleBpmnError(
        task,
        'NO_CAPACITY',
        'Все линии заняты до апреля',
        new Variables().set('capacityFreeFrom', new Date('2025-04-01T00:00:00.000Z')),
      ),
    );

    // when
    const instance = await api.start('order_production', { businessKey: 'order-1003' });
    const task = await waitForUserTask(instance.id, 'agreeNewDate');

    // then
    expect(task.name).toBe('Согласовать с клиентом новый срок');
    expect(await api.tasks({ processInstanceId: instance.id })).toHaveLength(1);
    expect(await externalTasksOf(instance.id)).toEqual([]);
    expect((await api.variables(instance.id)).capacityFreeFrom).toMatchObject({
      type: 'Date',
      value: '2025-04-01T00:00:00.000+0000',
    });
  });
});

/** A client event's arguments, readable in a failure message (errors carry the engine's answer). */
function readable(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? arg.message : JSON.stringify(arg))).join(' | ');
}
