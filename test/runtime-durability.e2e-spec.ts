import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp } from './support/test-app.js';

const PARALLEL = bpmn(`<process id="parallel" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
  <parallelGateway id="fork" />
  ${[1, 2, 3, 4, 5, 6].map((i) => `<sequenceFlow id="in${i}" sourceRef="fork" targetRef="t${i}" /><userTask id="t${i}" name="Задача ${i}" /><sequenceFlow id="out${i}" sourceRef="t${i}" targetRef="join" />`).join('\n')}
  <parallelGateway id="join" /><sequenceFlow id="f9" sourceRef="join" targetRef="after" />
  <userTask id="after" name="После слияния" /><sequenceFlow id="f10" sourceRef="after" targetRef="end" /><endEvent id="end" />
</process>`);

const WAITING = bpmn(`<process id="waiting" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="call" />
  <userTask id="call" name="Позвонить клиенту" camunda:assignee="\${manager}" />
  <boundaryEvent id="week" attachedToRef="call" cancelActivity="false">
    <timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f2" sourceRef="week" targetRef="remind" /><userTask id="remind" name="Напомнить" />
  <sequenceFlow id="f3" sourceRef="remind" targetRef="end2" /><endEvent id="end2" />
  <sequenceFlow id="f4" sourceRef="call" targetRef="end" /><endEvent id="end" />
</process>`);

describe('durability', () => {
  it('applies concurrent completions of parallel tasks exactly once and fires the join once', async () => {
    const t = await startTestApp();
    try {
      const api = new EngineRest(t.http);
      await api.deployOk(PARALLEL, 'parallel.bpmn');
      const instance = await api.start('parallel', { businessKey: 'p-1' });
      const tasks = await api.tasks({ processInstanceId: instance.id });
      expect(tasks).toHaveLength(6);

      // every task completed by two clients at once: 12 requests in flight
      const responses = await Promise.all(
        [...tasks, ...tasks].map((task) =>
          request(t.http).post(`/engine-rest/task/${task.id}/complete`).send({}),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 204)).toHaveLength(6);
      expect(statuses.filter((s) => s === 404)).toHaveLength(6);

      const after = await api.tasks({ processInstanceId: instance.id });
      expect(after.map((task) => task.taskDefinitionKey)).toEqual(['after']);
      const history = await request(t.http)
        .get('/engine-rest/history/activity-instance')
        .query({ processInstanceId: instance.id, activityId: 'join', finished: 'true' })
        .expect(200);
      expect(history.body).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('keeps a waiting instance, its task and its timer across a restart', async () => {
    const first = await startTestApp();
    const api = new EngineRest(first.http);
    await api.deployOk(WAITING, 'waiting.bpmn');
    const instance = await api.start('waiting', {
      businessKey: 'client-7',
      variables: { manager: { value: 'olga', type: 'String' } },
    });
    const [job] = (
      await request(first.http)
        .get('/engine-rest/job')
        .query({ processInstanceId: instance.id })
        .expect(200)
    ).body;
    const weekFromNow = Date.now() + 7 * 24 * 3600 * 1000;
    expect(Math.abs(Date.parse(job.dueDate) - weekFromNow)).toBeLessThan(60_000);
    await first.stop();

    const second = await startTestApp({}, first.database);
    try {
      const again = new EngineRest(second.http);
      const [task] = await again.tasks({ processInstanceBusinessKey: 'client-7' });
      expect(task).toMatchObject({ name: 'Позвонить клиенту', assignee: 'olga' });
      await request(second.http).post(`/engine-rest/job/${job.id}/execute`).expect(204);
      const names = (await again.tasks({ processInstanceId: instance.id }))
        .map((x) => x.name)
        .sort();
      expect(names).toEqual(['Напомнить', 'Позвонить клиенту']);
      await again.completeOk(task.id);
      const [remind] = await again.tasks({ processInstanceId: instance.id });
      await again.completeOk(remind.id);
      expect((await again.instance(instance.id)).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
