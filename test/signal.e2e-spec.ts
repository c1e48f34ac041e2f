import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PRICE_CHANGE = bpmn(`<signal id="priceSignal" name="price-list-changed" />
<process id="offer" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="waitPrice" />
  <intermediateCatchEvent id="waitPrice"><signalEventDefinition signalRef="priceSignal" /></intermediateCatchEvent>
  <sequenceFlow id="f2" sourceRef="waitPrice" targetRef="update" />
  <userTask id="update" name="Обновить КП" /><sequenceFlow id="f3" sourceRef="update" targetRef="end" /><endEvent id="end" />
</process>`);

const AUDIT = bpmn(
  `<signal id="priceSignal2" name="price-list-changed" />
<process id="audit" isExecutable="true">
  <startEvent id="start"><signalEventDefinition signalRef="priceSignal2" /></startEvent>
  <sequenceFlow id="f1" sourceRef="start" targetRef="check" /><userTask id="check" name="Проверить прайс" />
  <sequenceFlow id="f2" sourceRef="check" targetRef="end" /><endEvent id="end" />
</process>`,
  'Definitions_audit',
);

describe('POST /signal', () => {
  let t: TestApp;
  let api: EngineRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(PRICE_CHANGE, 'offer.bpmn');
    await api.deployOk(AUDIT, 'audit.bpmn');
  });
  afterAll(() => t.close());

  it('reaches every waiting execution and every signal start event', async () => {
    const first = await api.start('offer', { businessKey: 'o-1' });
    const second = await api.start('offer', { businessKey: 'o-2' });
    expect(await api.tasks({ processDefinitionKey: 'offer' })).toHaveLength(0);

    await request(t.http)
      .post('/engine-rest/signal')
      .send({
        name: 'price-list-changed',
        variables: { priceList: { value: '2027', type: 'String' } },
      })
      .expect(204);

    for (const instance of [first, second]) {
      const tasks = await api.tasks({ processInstanceId: instance.id });
      expect(tasks.map((task) => task.name)).toEqual(['Обновить КП']);
      expect((await api.variables(instance.id)).priceList).toMatchObject({
        value: '2027',
        type: 'String',
      });
    }
    expect(await api.tasks({ processDefinitionKey: 'audit' })).toHaveLength(1);
  });

  it('is no error when nobody listens, and a 400 for a missing name', async () => {
    await request(t.http).post('/engine-rest/signal').send({ name: 'nobody-listens' }).expect(204);
    const res = await request(t.http).post('/engine-rest/signal').send({}).expect(400);
    expect(res.body.type).toBe('InvalidRequestException');
  });
});
