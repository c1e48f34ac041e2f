import { readFileSync } from 'node:fs';
import request from 'supertest';
import { EngineRest, bpmn } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ORDER = readFileSync(
  new URL('./browser/fixtures/cockpit-order.bpmn', import.meta.url),
  'utf8',
);

/** GET /process-definition/{id}/form-variables and POST …/submit-form: the start event's form. */
describe('start forms (camunda:formData on the none start event)', () => {
  let t: TestApp;
  let api: EngineRest;
  let orderId: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    orderId = Object.values(await api.deployOk(ORDER, 'cockpit-order.bpmn'))[0].id;
  });
  afterAll(() => t.close());

  it('serves each start form field typed after its form type, with its default', async () => {
    const res = await request(t.http)
      .get(`/engine-rest/process-definition/${orderId}/form-variables`)
      .expect(200);
    expect(res.body).toEqual({
      customer: { value: null, type: 'String', valueInfo: {} },
      amount: { value: 100, type: 'Long', valueInfo: {} },
      express: { value: null, type: 'Boolean', valueInfo: {} },
    });
  });

  it('starts an instance with the submitted values, typed after the fields', async () => {
    // when
    const res = await request(t.http)
      .post(`/engine-rest/process-definition/${orderId}/submit-form`)
      .send({
        businessKey: 'order-1',
        variables: {
          customer: { value: 'ООО Ромашка', type: 'String' },
          amount: { value: '250', type: 'String' },
          express: { value: true, type: 'Boolean' },
        },
      })
      .expect(200);
    // then
    expect(res.body).toMatchObject({ businessKey: 'order-1', ended: false });
    const variables = await api.variables(res.body.id);
    expect(variables.customer).toMatchObject({ value: 'ООО Ромашка', type: 'String' });
    expect(variables.amount).toMatchObject({ value: 250, type: 'Long' });
    expect(variables.express).toMatchObject({ value: true, type: 'Boolean' });
    const history = await request(t.http)
      .get(`/engine-rest/history/process-instance/${res.body.id}`)
      .expect(200);
    expect(history.body.startUserId).toBe('test-admin');
  });

  it('refuses a submission that breaks the form, naming the fields, and starts nothing', async () => {
    const before = await request(t.http)
      .get('/engine-rest/process-instance/count')
      .query({ processDefinitionId: orderId });
    const res = await request(t.http)
      .post(`/engine-rest/process-definition/${orderId}/submit-form`)
      .send({ variables: { amount: { value: 'many', type: 'String' } } })
      .expect(400);
    expect(res.body.message).toContain("'customer'");
    expect(res.body.message).toContain("'amount'");
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'amount',
      'customer',
    ]);
    const after = await request(t.http)
      .get('/engine-rest/process-instance/count')
      .query({ processDefinitionId: orderId });
    expect(after.body.count).toBe(before.body.count);
  });

  it('answers an empty form for a process without a start form, and starts it', async () => {
    const plain = bpmn(
      `<process id="NoStartForm" isExecutable="true" camunda:historyTimeToLive="30">
        <startEvent id="S" /><sequenceFlow id="F" sourceRef="S" targetRef="T" />
        <userTask id="T" camunda:assignee="x" /></process>`,
    );
    const id = Object.values(await api.deployOk(plain, 'no-start-form.bpmn'))[0].id;
    await request(t.http)
      .get(`/engine-rest/process-definition/${id}/form-variables`)
      .expect(200, {});
    const res = await request(t.http)
      .post(`/engine-rest/process-definition/${id}/submit-form`)
      .send({})
      .expect(200);
    expect(res.body.definitionId).toBe(id);
  });

  it('answers 404 for an unknown definition', async () => {
    await request(t.http)
      .get('/engine-rest/process-definition/nope:1:x/form-variables')
      .expect(404);
    await request(t.http)
      .post('/engine-rest/process-definition/nope:1:x/submit-form')
      .send({})
      .expect(404);
  });
});
