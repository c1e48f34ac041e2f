import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const APPROVAL = bpmn(`<process id="approval" name="Согласование" isExecutable="true">
  <startEvent id="start" />
  <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
  <userTask id="review" name="Проверить заявку \${client}" camunda:assignee="\${manager}" camunda:candidateGroups="sales">
    <extensionElements>
      <camunda:formData>
        <camunda:formField id="approved" type="boolean"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
        <camunda:formField id="comment" type="string"><camunda:validation><camunda:constraint name="maxlength" config="20" /></camunda:validation></camunda:formField>
      </camunda:formData>
    </extensionElements>
  </userTask>
  <sequenceFlow id="f2" sourceRef="review" targetRef="gw" />
  <exclusiveGateway id="gw" default="no" />
  <sequenceFlow id="yes" sourceRef="gw" targetRef="approvedEnd"><conditionExpression>\${approved and amount > 1000}</conditionExpression></sequenceFlow>
  <sequenceFlow id="no" sourceRef="gw" targetRef="rejectedEnd" />
  <endEvent id="approvedEnd" /><endEvent id="rejectedEnd" />
</process>`);

describe('runtime basics: deploy, start, task, complete', () => {
  let t: TestApp;
  let api: EngineRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
  });
  afterAll(() => t.close());

  it('deploys, versions and serves the definition', async () => {
    const defs = await api.deployOk(APPROVAL, 'approval.bpmn');
    const [definition] = Object.values(defs);
    expect(definition).toMatchObject({ key: 'approval', version: 1 });
    const again = await api.deployOk(
      APPROVAL.replace('Согласование', 'Согласование v2'),
      'approval.bpmn',
    );
    expect(Object.values(again)[0].version).toBe(2);
    const latest = await request(t.http)
      .get('/engine-rest/process-definition/key/approval')
      .expect(200);
    expect(latest.body).toMatchObject({ key: 'approval', version: 2, name: 'Согласование v2' });
    const xml = await request(t.http)
      .get(`/engine-rest/process-definition/${definition.id}/xml`)
      .expect(200);
    expect(xml.body.bpmn20Xml).toContain('Проверить заявку');
  });

  it('starts an instance, creates the task, validates the form and completes it', async () => {
    const instance = await api.start('approval', {
      businessKey: 'deal-1',
      variables: {
        client: { value: 'ООО Ромашка', type: 'String' },
        manager: { value: 'dmitry', type: 'String' },
        amount: { value: 5000, type: 'Long' },
      },
    });
    expect(instance.ended).toBe(false);
    const [task] = await api.tasks({ processInstanceBusinessKey: 'deal-1' });
    expect(task).toMatchObject({
      name: 'Проверить заявку ООО Ромашка',
      assignee: 'dmitry',
      taskDefinitionKey: 'review',
    });
    expect(await api.tasks({ candidateGroup: 'sales', includeAssignedTasks: 'true' })).toHaveLength(
      1,
    );

    const invalid = await api.complete(task.id, {
      comment: { value: 'x'.repeat(30), type: 'String' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain("'approved'");
    expect(invalid.body.message).toContain("'comment'");
    // and, for clients that show each problem next to its input, one detail per violation
    expect(invalid.body.type).toBe('InvalidRequestException');
    expect(invalid.body.details).toEqual([
      { field: 'approved', message: expect.stringContaining("'approved'") },
      { field: 'comment', message: expect.stringContaining("'comment'") },
    ]);
    expect(await api.tasks({ processInstanceBusinessKey: 'deal-1' })).toHaveLength(1);

    await api.completeOk(task.id, { approved: { value: true, type: 'Boolean' } });
    expect((await api.instance(instance.id)).status).toBe(404);
    expect(await api.tasks({ processInstanceBusinessKey: 'deal-1' })).toHaveLength(0);
  });

  it('answers Camunda-shaped errors for unknown ids and bad input', async () => {
    const res = await request(t.http).get('/engine-rest/task/nope').expect(404);
    expect(res.body.type).toBe('InvalidRequestException');
    await request(t.http)
      .post('/engine-rest/process-definition/key/missing/start')
      .send({})
      .expect(404);
    const bad = await request(t.http)
      .post('/engine-rest/process-definition/key/approval/start')
      .send({ variables: { amount: { value: 'many', type: 'Integer' } } })
      .expect(400);
    expect(bad.body.message).toContain('amount');
  });
});
