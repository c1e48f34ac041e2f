import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bool, ElementsRest, fixture, long, str } from './elements-rest.js';

/** camunda:formData fields: their form variables, validation on completion and typed storage. */
describe('elements: generated task forms (camunda:formData)', () => {
  let t: TestApp;
  let api: ElementsRest;
  let instanceId: string;
  let taskId: string;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
    await api.deployOk(fixture('forms.deal-card'), 'forms.deal-card.bpmn');
    instanceId = (
      await api.start('forms_deal_card', {
        businessKey: 'deal-900',
        variables: { manager: str('dmitry'), defaultFollowUpDays: long(2) },
      })
    ).id;
    taskId = (await api.instanceTasks(instanceId))[0].id;
  });
  afterAll(() => t.close());

  /** Completes the task expecting a 400 that names every given field, and asserts nothing changed. */
  async function expectRejected(variables: Record<string, unknown>, fields: string[]) {
    const before = await api.variables(instanceId);
    const res = await api.complete(taskId, variables);
    expect(res.status).toBe(400);
    expect(typeof res.body.type).toBe('string');
    for (const field of fields) expect(res.body.message).toContain(`'${field}'`);
    expect((await api.task(taskId)).status).toBe(200);
    expect(await api.variables(instanceId)).toEqual(before);
    return res.body.message as string;
  }

  it('serves every field typed after its form type in GET form-variables', async () => {
    const res = await request(t.http).get(`/engine-rest/task/${taskId}/form-variables`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'amount',
        'clientName',
        'contractDate',
        'followUpDays',
        'manager',
        'paymentTerms',
        'urgent',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      clientName: { value: null, type: 'String' },
      amount: { value: null, type: 'Long' },
      urgent: { value: false, type: 'Boolean' },
      contractDate: { value: null, type: 'Date' },
      paymentTerms: { value: null, type: 'String' },
      manager: { value: 'dmitry', type: 'String' },
      // a ${…} default is evaluated against the instance's variables
      followUpDays: { value: 3, type: 'Long' },
    });
    for (const variable of Object.values(res.body)) {
      expect(variable).toHaveProperty('valueInfo');
    }
  });

  it('rejects too short text, too small numbers, missing, unknown enum, read-only and mistyped values', async () => {
    const message = await expectRejected(
      {
        clientName: str('ИП'),
        amount: long(500),
        urgent: str('да'),
        paymentTerms: str('barter'),
        manager: str('anna'),
      },
      ['clientName', 'amount', 'urgent', 'contractDate', 'paymentTerms', 'manager'],
    );
    expect(message).toContain('3'); // minlength
    expect(message).toContain('1000'); // min
  });

  it('rejects too long text, too large numbers, impossible dates and missing required fields', async () => {
    await expectRejected(
      {
        clientName: str('Общество с ограниченной ответственностью «Ромашка и партнёры»'),
        amount: long(20_000_000),
        contractDate: str('31.02.2025'),
      },
      ['clientName', 'amount', 'contractDate', 'paymentTerms'],
    );
  });

  it('stores nothing when a single field of an otherwise valid form is wrong', async () => {
    const message = await expectRejected(
      {
        clientName: str('ООО Ромашка'),
        amount: long(999),
        urgent: bool(true),
        contractDate: str('01.12.2025'),
        paymentTerms: str('deferred'),
      },
      ['amount'],
    );
    for (const field of ['clientName', 'urgent', 'contractDate', 'paymentTerms'])
      expect(message).not.toContain(`'${field}'`);
  });

  it('stores a valid completion as typed variables and moves on', async () => {
    // when
    await api.completeOk(taskId, {
      clientName: str('ООО Ромашка'),
      amount: long(250_000),
      urgent: bool(true),
      contractDate: str('01.12.2025'),
      paymentTerms: str('deferred'),
    });

    // then
    expect((await api.task(taskId)).status).toBe(404);
    expect(await api.variables(instanceId)).toMatchObject({
      clientName: { value: 'ООО Ромашка', type: 'String' },
      amount: { value: 250_000, type: 'Long' },
      urgent: { value: true, type: 'Boolean' },
      contractDate: { value: '2025-12-01T00:00:00.000+0000', type: 'Date' },
      paymentTerms: { value: 'deferred', type: 'String' },
      manager: { value: 'dmitry', type: 'String' },
    });
    const [review] = await api.instanceTasks(instanceId);
    expect(review.taskDefinitionKey).toBe('reviewDealCard');
    await api.completeOk(review.id);
    await api.expectEnded(instanceId);
    expect(await api.path(instanceId)).toEqual([
      'start',
      'fillDealCard',
      'reviewDealCard',
      'dealRegistered',
    ]);
  });
});
