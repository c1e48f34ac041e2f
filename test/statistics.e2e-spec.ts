import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { expectCamundaShape } from './support/openapi.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CALL_BACK = bpmn(`<process id="call_back" name="Перезвонить" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="call" />
  <userTask id="call" name="Позвонить клиенту" /><sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  <endEvent id="end" />
</process>`);

/** Process definition statistics: running instances per definition and per activity. */
describe('GET /process-definition/statistics', () => {
  let t: TestApp;
  let api: EngineRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(CALL_BACK, 'call-back.bpmn');
    await api.start('call_back');
    await api.start('call_back');
  });
  afterAll(() => t.close());

  it('counts the running instances of each definition', async () => {
    const res = await request(t.http).get('/engine-rest/process-definition/statistics').expect(200);
    expectCamundaShape(res, '/process-definition/statistics', 'get');
    expect(res.body).toEqual([
      expect.objectContaining({
        instances: 2,
        failedJobs: 0,
        definition: expect.objectContaining({ key: 'call_back' }),
      }),
    ]);
  });

  it('counts the instances waiting at each activity', async () => {
    const res = await request(t.http)
      .get('/engine-rest/process-definition/key/call_back/statistics')
      .expect(200);
    expectCamundaShape(res, '/process-definition/key/{key}/statistics', 'get');
    expect(res.body).toEqual([
      expect.objectContaining({ id: 'call', instances: 2, failedJobs: 0 }),
    ]);
  });
});
