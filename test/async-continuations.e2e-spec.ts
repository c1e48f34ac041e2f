import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const INVOICE = bpmn(`<process id="invoice" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="prepare" />
  <userTask id="prepare" name="Подготовить реквизиты" />
  <sequenceFlow id="f2" sourceRef="prepare" targetRef="issue" />
  <userTask id="issue" name="Выставить счёт" camunda:asyncBefore="true" />
  <sequenceFlow id="f3" sourceRef="issue" targetRef="end" /><endEvent id="end" />
</process>`);

const PAYMENT = bpmn(
  `<process id="payment" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="record" />
  <userTask id="record" name="Отметить оплату" camunda:asyncAfter="true" />
  <sequenceFlow id="f2" sourceRef="record" targetRef="gw" />
  <exclusiveGateway id="gw" default="partial" />
  <sequenceFlow id="full" sourceRef="gw" targetRef="produce"><conditionExpression>\${paid >= total}</conditionExpression></sequenceFlow>
  <sequenceFlow id="partial" sourceRef="gw" targetRef="remind" />
  <userTask id="produce" name="Передать в производство" /><sequenceFlow id="f3" sourceRef="produce" targetRef="end" />
  <userTask id="remind" name="Напомнить об оплате" /><sequenceFlow id="f4" sourceRef="remind" targetRef="end" />
  <endEvent id="end" />
</process>`,
  'Definitions_payment',
);

describe('camunda:asyncBefore and asyncAfter', () => {
  let t: TestApp;
  let api: EngineRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(INVOICE, 'invoice.bpmn');
    await api.deployOk(PAYMENT, 'payment.bpmn');
  });

  it('asyncAfter commits the completed task and continues after it through a job', async () => {
    const instance = await api.start('payment', {
      variables: { total: { value: 100000, type: 'Long' } },
    });
    const [record] = await api.tasks({ processInstanceId: instance.id });
    await api.completeOk(record.id, { paid: { value: 100000, type: 'Long' } });
    expect(await api.tasks({ processInstanceId: instance.id })).toHaveLength(0);
    const [job] = (
      await request(t.http).get('/engine-rest/job').query({ processInstanceId: instance.id })
    ).body;
    expect(job).toMatchObject({ activityId: 'record', type: 'async-continuation' });
    await request(t.http).post(`/engine-rest/job/${job.id}/execute`).expect(204);
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Передать в производство',
    ]);
  });
  afterAll(() => t.close());

  it('commits the step before and continues into the activity through a job', async () => {
    const instance = await api.start('invoice', { businessKey: 'inv-1' });
    const [prepare] = await api.tasks({ processInstanceId: instance.id });
    await api.completeOk(prepare.id);

    // the instance waits before "issue" with an async continuation job due now
    expect(await api.tasks({ processInstanceId: instance.id })).toHaveLength(0);
    const jobs = (
      await request(t.http)
        .get('/engine-rest/job')
        .query({ processInstanceId: instance.id })
        .expect(200)
    ).body;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ activityId: 'issue', type: 'async-continuation', retries: 3 });
    expect(Math.abs(Date.parse(jobs[0].dueDate) - Date.now())).toBeLessThan(60_000);

    await request(t.http).post(`/engine-rest/job/${jobs[0].id}/execute`).expect(204);
    const [issue] = await api.tasks({ processInstanceId: instance.id });
    expect(issue.taskDefinitionKey).toBe('issue');
    expect(
      (await request(t.http).get('/engine-rest/job').query({ processInstanceId: instance.id }))
        .body,
    ).toHaveLength(0);

    await api.completeOk(issue.id);
    const path = (
      await request(t.http)
        .get('/engine-rest/history/activity-instance')
        .query({ processInstanceId: instance.id, sortBy: 'startTime', sortOrder: 'asc' })
        .expect(200)
    ).body.map((a: { activityId: string }) => a.activityId);
    expect(path).toEqual(['start', 'prepare', 'issue', 'end']);
  });
});
