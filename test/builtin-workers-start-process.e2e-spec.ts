import request from 'supertest';
import { Clock } from '../src/common/clock.js';
import { ExternalTaskWorkerService } from '../src/jobs/external-task-worker.service.js';
import { BuiltInWorkers } from '../src/workers/builtin-workers.service.js';
import { StartProcessWorker } from '../src/workers/start-process.worker.js';
import { str } from './elements/elements-rest.js';
import { builtInWorkersFixture, startBuiltInWorkersApp } from './support/builtin-workers-app.js';
import { EngineRest } from './support/engine-rest.js';
import type { TestApp } from './support/test-app.js';

interface Instance {
  id: string;
  businessKey: string | null;
  definitionId: string;
}

/** The built-in `conveyor.start-process` worker: a process starts another through an external task. */
describe('built-in worker conveyor.start-process', () => {
  let t: TestApp;
  let api: EngineRest;
  let workers: BuiltInWorkers;
  beforeAll(async () => {
    ({ t, api, workers } = await startBuiltInWorkersApp(['started-deal', 'start-process']));
  });
  afterAll(() => t.close());

  const startLead = (leadNumber: string, childKey = 'builtin_workers_deal') =>
    api.start('builtin_workers_lead', {
      variables: {
        childKey: str(childKey),
        leadNumber: str(leadNumber),
        clientName: str('ООО Кухни'),
        manager: str('ivanov'),
        budget: { value: 350000, type: 'Long' },
        measuredOn: { value: '2030-03-10T12:00:00.000+0300', type: 'Date' },
        kitchen: { value: '{"length":3.2,"corner":true}', type: 'Json' },
      },
    });

  const instances = async (query: Record<string, string>): Promise<Instance[]> =>
    (await request(t.http).get('/engine-rest/process-instance').query(query).expect(200))
      .body as Instance[];

  const historicInstances = async (query: Record<string, string>): Promise<Instance[]> =>
    (await request(t.http).get('/engine-rest/history/process-instance').query(query).expect(200))
      .body as Instance[];

  const externalTasks = async (processInstanceId: string) =>
    (
      await request(t.http)
        .get('/engine-rest/external-task')
        .query({ processInstanceId })
        .expect(200)
    ).body as { id: string; retries: number | null; errorMessage: string | null }[];

  it('starts the latest version of the other process with the visible variables, then moves on', async () => {
    // given
    const lead = await startLead('101');

    // when
    await workers.runOnce();

    // then the deal runs with the business key and the lead's variables, but not the two inputs
    const [deal] = await instances({ businessKey: 'deal-101' });
    expect(deal.definitionId).toMatch(/^builtin_workers_deal:1:/);
    const dealVariables = await api.variables(deal.id);
    expect(dealVariables).toMatchObject({
      clientName: { value: 'ООО Кухни', type: 'String' },
      manager: { value: 'ivanov', type: 'String' },
      budget: { value: 350000, type: 'Long' },
      measuredOn: { type: 'Date', value: '2030-03-10T09:00:00.000+0000' },
      kitchen: { type: 'Json' },
      source: { value: 'lead 101', type: 'String' },
      leadNumber: { value: '101', type: 'String' },
    });
    expect(JSON.parse(dealVariables.kitchen.value as string)).toEqual({
      length: 3.2,
      corner: true,
    });
    expect(dealVariables).not.toHaveProperty('processDefinitionKey');
    expect(dealVariables).not.toHaveProperty('businessKey');
    expect(await api.tasks({ processInstanceId: deal.id })).toMatchObject([
      { name: 'Позвонить ООО Кухни', assignee: 'ivanov' },
    ]);
    // and the lead completed its external task with the new instance's id
    expect(await externalTasks(lead.id)).toEqual([]);
    expect((await api.variables(lead.id)).startedProcessInstanceId).toEqual({
      value: deal.id,
      type: 'String',
      valueInfo: {},
    });
    expect(await api.tasks({ processInstanceId: lead.id })).toMatchObject([
      { name: `Проверить сделку ${deal.id}` },
    ]);
  });

  it('does not start a second instance when retried after a stop between start and completion', async () => {
    // given: the worker started the deal, then the node stopped before completing the task
    const lead = await startLead('102');
    const [task] = await t.app.get(ExternalTaskWorkerService).fetchAndLock({
      workerId: workers.workerId,
      maxTasks: 1,
      topics: [{ topicName: 'conveyor.start-process', lockDuration: 60_000 }],
    });
    await t.app.get(StartProcessWorker).handle(task);
    const [first] = await instances({ businessKey: 'deal-102' });
    expect(await workers.runOnce()).toBe(0); // still locked by the stopped attempt

    // when its lock expires and the task is handled again
    t.app.get(Clock).advance(60_001);
    expect(await workers.runOnce()).toBe(1);

    // then
    expect(await instances({ businessKey: 'deal-102' })).toHaveLength(1);
    expect((await api.variables(lead.id)).startedProcessInstanceId.value).toBe(first.id);
    expect((await api.variables(first.id)).startedByExternalTask.value).toBe(task.id);
  });

  it('finds the started instance in history when it has already ended', async () => {
    // given: an instance that ends right away, started before a stop
    const lead = await startLead('103', 'builtin_workers_instant');
    const [task] = await t.app.get(ExternalTaskWorkerService).fetchAndLock({
      workerId: workers.workerId,
      maxTasks: 1,
      topics: [{ topicName: 'conveyor.start-process', lockDuration: 60_000 }],
    });
    const { startedProcessInstanceId } = await t.app.get(StartProcessWorker).handle(task);
    t.app.get(Clock).advance(60_001);

    // when
    await workers.runOnce();

    // then
    const started = await historicInstances({ processInstanceBusinessKey: 'deal-103' });
    expect(started).toHaveLength(1);
    expect(started[0].id).toBe(startedProcessInstanceId.value);
    expect((await api.variables(lead.id)).startedProcessInstanceId.value).toBe(started[0].id);
  });

  it('reports a failure with retries when the process to start does not exist', async () => {
    // given
    const lead = await startLead('104', 'no_such_process');

    // when
    await workers.runOnce();

    // then
    const [task] = await externalTasks(lead.id);
    expect(task.retries).toBe(3);
    expect(task.errorMessage).toContain('no_such_process');
  });

  it('starts the latest version after a new one was deployed', async () => {
    // given
    await api.deployOk(
      builtInWorkersFixture('started-deal').replace('Позвонить', 'Перезвонить'),
      'builtin-workers.started-deal.bpmn',
    );
    await startLead('105');

    // when
    await workers.runOnce();

    // then
    const [deal] = await instances({ businessKey: 'deal-105' });
    expect(deal.definitionId).toMatch(/^builtin_workers_deal:2:/);
    expect(await api.tasks({ processInstanceId: deal.id })).toMatchObject([
      { name: 'Перезвонить ООО Кухни' },
    ]);
  });
});
