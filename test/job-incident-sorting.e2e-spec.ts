import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// A timer of the instance's own length, then an external task of the instance's own priority.
const PROCESS = bpmn(`
  <process id="sorted" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <intermediateCatchEvent id="wait">
      <timerEventDefinition><timeDuration>\${wait}</timeDuration></timerEventDefinition>
    </intermediateCatchEvent>
    <sequenceFlow id="f2" sourceRef="wait" targetRef="work" />
    <serviceTask id="work" camunda:type="external" camunda:topic="sorted-work"
      camunda:taskPriority="\${priority}" />
    <sequenceFlow id="f3" sourceRef="work" targetRef="end" />
    <endEvent id="end" />
  </process>`);

/** GET /job, /incident and /external-task sort by Camunda's sortBy/sortOrder, both ways. */
describe('sorting of jobs, incidents and external tasks', () => {
  let t: TestApp;
  const get = async (path: string) => (await request(t.http).get(path).expect(200)).body as [];
  // instance id by its wait, and the order of creation
  const instances: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const api = new EngineRest(t.http);
    await api.deployOk(PROCESS, 'sorted.bpmn');
    for (const [wait, priority] of [
      ['PT2H', 20],
      ['PT3H', 5],
      ['PT1H', 10],
    ] as const) {
      const started = await api.start('sorted', {
        variables: {
          wait: { value: wait, type: 'String' },
          priority: { value: priority, type: 'Long' },
        },
      });
      instances[wait] = started.id;
    }
  });
  afterAll(() => t.close());

  it('sorts jobs by due date, either way', async () => {
    // when the timers are listed by due date, descending then ascending
    const desc = await get('/engine-rest/job?sortBy=jobDueDate&sortOrder=desc');
    const asc = await get('/engine-rest/job?sortBy=jobDueDate&sortOrder=asc');

    // then the three-hour wait comes first, then last
    const instancesOf = (jobs: { processInstanceId: string }[]) =>
      jobs.map((job) => job.processInstanceId);
    expect(instancesOf(desc)).toEqual([instances.PT3H, instances.PT2H, instances.PT1H]);
    expect(instancesOf(asc)).toEqual([instances.PT1H, instances.PT2H, instances.PT3H]);
  });

  it('sorts external tasks by priority and incidents by message', async () => {
    // given every timer fired: three external tasks of priorities 20, 5, 10
    for (const job of (await get('/engine-rest/job')) as { id: string }[]) {
      await request(t.http).post(`/engine-rest/job/${job.id}/execute`).expect(204);
    }

    // when they are listed by priority, highest first
    const byPriority = (await get(
      '/engine-rest/external-task?sortBy=taskPriority&sortOrder=desc',
    )) as { priority: number }[];

    // then
    expect(byPriority.map((task) => task.priority)).toEqual([20, 10, 5]);

    // given each fails for good with its own message
    const locked = (
      await request(t.http)
        .post('/engine-rest/external-task/fetchAndLock')
        .send({
          workerId: 'w',
          maxTasks: 10,
          topics: [{ topicName: 'sorted-work', lockDuration: 60_000 }],
        })
        .expect(200)
    ).body as { id: string; priority: number }[];
    for (const task of locked) {
      await request(t.http)
        .post(`/engine-rest/external-task/${task.id}/failure`)
        .send({ workerId: 'w', errorMessage: `failed at priority ${task.priority}`, retries: 0 })
        .expect(204);
    }

    // when the incidents are listed by message, descending
    const incidents = (await get(
      '/engine-rest/incident?sortBy=incidentMessage&sortOrder=desc',
    )) as { incidentMessage: string }[];

    // then "…5" > "…20" > "…10" as text
    expect(incidents.map((incident) => incident.incidentMessage)).toEqual([
      'failed at priority 5',
      'failed at priority 20',
      'failed at priority 10',
    ]);
  });

  it('refuses a sort key without an order, and an unknown key', async () => {
    await request(t.http).get('/engine-rest/job?sortBy=jobDueDate').expect(400);
    await request(t.http).get('/engine-rest/incident?sortBy=bogus&sortOrder=asc').expect(400);
  });
});
