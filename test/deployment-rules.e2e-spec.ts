import request from 'supertest';
import { DataSource } from 'typeorm';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { expectCamundaShape } from './support/openapi.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SIMPLE = bpmn(`<process id="lead" name="Обработка лида" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
  <userTask id="qualify" name="Квалифицировать лид" /><sequenceFlow id="f2" sourceRef="qualify" targetRef="end" />
  <endEvent id="end" />
</process>`);

describe('deployments: validation, versions, duplicate filtering, deletion', () => {
  let t: TestApp;
  let api: EngineRest;
  let db: DataSource;
  const counts = async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM deployment) AS deployments, (SELECT count(*)::int FROM process_definition) AS definitions`,
    );
    return row as { deployments: number; definitions: number };
  };

  beforeAll(async () => {
    t = await startTestApp({ CONVEYOR_MAX_DEPLOYMENT_BYTES: '20000' });
    api = new EngineRest(t.http);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it.each([
    ['malformed XML', '<definitions><process id="x"'],
    [
      'a DOCTYPE (XXE)',
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${SIMPLE.slice(SIMPLE.indexOf('<definitions'))}`,
    ],
    ['no executable process', SIMPLE.replace('isExecutable="true"', 'isExecutable="false"')],
    [
      'an unparsable timer',
      SIMPLE.replace(
        '<userTask id="qualify" name="Квалифицировать лид" />',
        '<userTask id="qualify" /><boundaryEvent id="b" attachedToRef="qualify"><timerEventDefinition><timeDuration>soon</timeDuration></timerEventDefinition></boundaryEvent>',
      ),
    ],
    [
      'an unparsable expression',
      SIMPLE.replace(
        '<userTask id="qualify"',
        '<userTask id="qualify" camunda:assignee="${manager +}"',
      ),
    ],
    [
      'an element the engine cannot run',
      SIMPLE.replace(
        '<userTask id="qualify" name="Квалифицировать лид" />',
        '<complexGateway id="qualify" />',
      ),
    ],
    ['a file over the size limit', SIMPLE.replace('Обработка лида', 'x'.repeat(30_000))],
  ])('refuses %s with a 400 and stores nothing', async (_, xml) => {
    const before = await counts();
    const res = await api.deploy(xml, 'lead.bpmn');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: expect.any(String),
      message: expect.any(String),
      ...(res.body.type === 'ParseException' && { details: { 'lead.bpmn': expect.any(Object) } }),
    });
    expect(await counts()).toEqual(before);
  });

  it('names the offending element in the error', async () => {
    const res = await api.deploy(
      SIMPLE.replace(
        '<userTask id="qualify" name="Квалифицировать лид" />',
        '<complexGateway id="qualify" />',
      ),
      'lead.bpmn',
    );
    expect(res.body.message).toContain('qualify');
    // and in Camunda's ParseException report, which Camunda clients read per resource
    expectCamundaShape(res, '/deployment/create', 'post');
    expect(res.body).toMatchObject({
      type: 'ParseException',
      details: {
        'lead.bpmn': {
          errors: [
            {
              message: expect.any(String),
              line: null,
              column: null,
              mainElementId: 'qualify',
              elementIds: ['qualify'],
            },
          ],
          warnings: [],
        },
      },
    });
  });

  it('reports the first 20 problems of a diagram and how many more there are', async () => {
    const gateways = Array.from({ length: 25 }, (_, i) => `<complexGateway id="g${i}" />`);
    const res = await api.deploy(
      SIMPLE.replace('<endEvent id="end" />', `<endEvent id="end" />${gateways.join('')}`),
      'lead.bpmn',
    );
    expect(res.status).toBe(400);
    const errors = res.body.details['lead.bpmn'].errors as { mainElementId: string | null }[];
    expect(errors.map((e) => e.mainElementId)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `g${i}`),
      null,
    ]);
    const total = Number(/Invalid BPMN \((\d+) problems\)/.exec(res.body.message)?.[1]);
    expect(total).toBeGreaterThanOrEqual(25); // every gateway is refused, some twice
    expect(errors[20]).toMatchObject({ message: `and ${total - 20} more` });
  });

  it('versions changed files; an unchanged one with duplicate filtering is not a new version', async () => {
    const fields = { 'deployment-name': 'leads', 'enable-duplicate-filtering': 'true' };
    const first = await api.deploy(SIMPLE, 'lead.bpmn', fields);
    expect(first.status).toBe(200);
    expect(Object.values(first.body.deployedProcessDefinitions)).toMatchObject([
      { key: 'lead', version: 1 },
    ]);
    const same = await api.deploy(SIMPLE, 'lead.bpmn', fields);
    expect(same.body.id).toBe(first.body.id);
    expect(same.body.deployedProcessDefinitions).toBeNull();
    const changed = await api.deploy(
      SIMPLE.replace('Квалифицировать лид', 'Квалифицировать'),
      'lead.bpmn',
      fields,
    );
    expect(Object.values(changed.body.deployedProcessDefinitions)).toMatchObject([
      { key: 'lead', version: 2 },
    ]);
  });

  it('keeps running instances on the version they started with', async () => {
    const v1 = await api.start('lead', { businessKey: 'old' });
    await api.deployOk(
      SIMPLE.replace('Квалифицировать лид', 'Квалифицировать лид v3'),
      'lead.bpmn',
    );
    const [oldTask] = await api.tasks({ processInstanceId: v1.id });
    expect(oldTask.name).not.toBe('Квалифицировать лид v3');
    const v3 = await api.start('lead', { businessKey: 'new' });
    const [newTask] = await api.tasks({ processInstanceId: v3.id });
    expect(newTask.name).toBe('Квалифицировать лид v3');
  });

  it('refuses to delete a deployment with running instances unless cascading', async () => {
    const deployment = await api.deploy(
      bpmn(
        SIMPLE.slice(SIMPLE.indexOf('<process'))
          .replace(/lead/g, 'temp')
          .replace('</definitions>', ''),
        'Definitions_temp',
      ),
      'temp.bpmn',
    );
    const instance = await api.start('temp');
    await request(t.http).delete(`/engine-rest/deployment/${deployment.body.id}`).expect(400);
    expect((await api.instance(instance.id)).status).toBe(200);
    await request(t.http)
      .delete(`/engine-rest/deployment/${deployment.body.id}`)
      .query({ cascade: 'true' })
      .expect(204);
    expect((await api.instance(instance.id)).status).toBe(404);
    await request(t.http).get(`/engine-rest/deployment/${deployment.body.id}`).expect(404);
  });
});
