import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { expectCamundaShape } from './support/openapi.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ORDER = bpmn(`<message id="paid" name="order-paid" />
<process id="order" name="Заказ" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="confirm" />
  <userTask id="confirm" name="Подтвердить заказ" camunda:candidateGroups="sales" camunda:dueDate="\${due}">
    <extensionElements><camunda:formData>
      <camunda:formField id="amount" type="long"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
    </camunda:formData></extensionElements>
  </userTask>
  <boundaryEvent id="reminder" attachedToRef="confirm" cancelActivity="false">
    <timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f2" sourceRef="reminder" targetRef="remind" /><userTask id="remind" name="Напомнить" />
  <sequenceFlow id="f3" sourceRef="remind" targetRef="remindEnd" /><endEvent id="remindEnd" />
  <sequenceFlow id="f4" sourceRef="confirm" targetRef="produce" />
  <serviceTask id="produce" name="Передать в производство" camunda:type="external" camunda:topic="production" />
  <sequenceFlow id="f5" sourceRef="produce" targetRef="payment" />
  <intermediateCatchEvent id="payment"><messageEventDefinition messageRef="paid" /></intermediateCatchEvent>
  <sequenceFlow id="f6" sourceRef="payment" targetRef="end" /><endEvent id="end" />
</process>`);

/** Every response here is checked against Camunda 7's own OpenAPI document. */
describe('responses match the Camunda 7 OpenAPI document', () => {
  let t: TestApp;
  let api: EngineRest;
  let instanceId: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string> = {}) =>
    request(t.http).get(`/engine-rest${path}`).query(query);

  it('deployment and definitions', async () => {
    const created = await api.deploy(ORDER, 'order.bpmn');
    expectCamundaShape(created, '/deployment/create', 'post');
    const deploymentId = created.body.id as string;
    expectCamundaShape(await get('/deployment'), '/deployment', 'get');
    expectCamundaShape(await get(`/deployment/${deploymentId}`), '/deployment/{id}', 'get');
    expectCamundaShape(
      await get('/process-definition', { latestVersion: 'true' }),
      '/process-definition',
      'get',
    );
    expectCamundaShape(
      await get('/process-definition/key/order'),
      '/process-definition/key/{key}',
      'get',
    );
    expectCamundaShape(
      await get('/process-definition/key/order/xml'),
      '/process-definition/key/{key}/xml',
      'get',
    );
    expectCamundaShape(await get('/process-definition/count'), '/process-definition/count', 'get');
  });

  it('instances, tasks, variables and forms', async () => {
    const started = await request(t.http)
      .post('/engine-rest/process-definition/key/order/start')
      .send({
        businessKey: 'order-1',
        withVariablesInReturn: true,
        variables: {
          due: { value: '2026-12-01T10:00:00.000+0000', type: 'Date' },
          client: { value: 'ООО Кухни', type: 'String' },
        },
      });
    expectCamundaShape(started, '/process-definition/key/{key}/start', 'post');
    instanceId = started.body.id;
    expectCamundaShape(
      await get('/process-instance', { businessKey: 'order-1' }),
      '/process-instance',
      'get',
    );
    expectCamundaShape(
      await get(`/process-instance/${instanceId}`),
      '/process-instance/{id}',
      'get',
    );
    expectCamundaShape(
      await get(`/process-instance/${instanceId}/variables`),
      '/process-instance/{id}/variables',
      'get',
    );
    expectCamundaShape(
      await get(`/process-instance/${instanceId}/activity-instances`),
      '/process-instance/{id}/activity-instances',
      'get',
    );
    const tasks = await get('/task', { processInstanceId: instanceId });
    expectCamundaShape(tasks, '/task', 'get');
    const taskId = tasks.body[0].id as string;
    expectCamundaShape(await get(`/task/${taskId}`), '/task/{id}', 'get');
    expectCamundaShape(
      await get(`/task/${taskId}/form-variables`),
      '/task/{id}/form-variables',
      'get',
    );
    expectCamundaShape(
      await get(`/task/${taskId}/identity-links`),
      '/task/{id}/identity-links',
      'get',
    );
    expectCamundaShape(await get('/task/count'), '/task/count', 'get');
    const comment = await request(t.http)
      .post(`/engine-rest/task/${taskId}/comment/create`)
      .send({ message: 'Клиент ждёт звонка' });
    expectCamundaShape(comment, '/task/{id}/comment/create', 'post');
    expectCamundaShape(await get(`/task/${taskId}/comment`), '/task/{id}/comment', 'get');
    const invalid = await request(t.http)
      .post(`/engine-rest/task/${taskId}/complete`)
      .send({ variables: {} });
    expect(invalid.status).toBe(400);
    expectCamundaShape(invalid, '/task/{id}/complete', 'post'); // Camunda's ExceptionDto…
    expect(invalid.body).toEqual({
      type: expect.any(String),
      message: expect.stringContaining('amount'),
      details: [{ field: 'amount', message: expect.stringContaining('amount') }], // …and Conveyor's
    });
    const done = await request(t.http)
      .post(`/engine-rest/task/${taskId}/complete`)
      .send({
        variables: { amount: { value: 120000, type: 'Long' } },
        withVariablesInReturn: true,
      });
    expect(done.status).toBe(200);
    expectCamundaShape(done, '/task/{id}/complete', 'post');
  });

  it('jobs, external tasks and messages', async () => {
    expectCamundaShape(await get('/job', { processInstanceId: instanceId }), '/job', 'get');
    const fetched = await request(t.http)
      .post('/engine-rest/external-task/fetchAndLock')
      .send({
        workerId: 'worker-1',
        maxTasks: 5,
        topics: [{ topicName: 'production', lockDuration: 10_000 }],
      });
    expectCamundaShape(fetched, '/external-task/fetchAndLock', 'post');
    expectCamundaShape(
      await get('/external-task', { processInstanceId: instanceId }),
      '/external-task',
      'get',
    );
    await request(t.http)
      .post(`/engine-rest/external-task/${fetched.body[0].id}/complete`)
      .send({ workerId: 'worker-1' })
      .expect(204);
    const correlated = await request(t.http)
      .post('/engine-rest/message')
      .send({ messageName: 'order-paid', businessKey: 'order-1', resultEnabled: true });
    expectCamundaShape(correlated, '/message', 'post');
  });

  it('engine, version and history', async () => {
    expectCamundaShape(await get('/engine'), '/engine', 'get');
    expectCamundaShape(await get('/version'), '/version', 'get');
    expectCamundaShape(
      await get(`/history/process-instance/${instanceId}`),
      '/history/process-instance/{id}',
      'get',
    );
    expectCamundaShape(
      await get('/history/activity-instance', { processInstanceId: instanceId }),
      '/history/activity-instance',
      'get',
    );
  });
});
