import request from 'supertest';
import { Clock } from '../src/common/clock.js';
import { JobExecutor } from '../src/jobs/job-executor.service.js';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3600 * 1000;

const MEASUREMENT = bpmn(`<process id="measurement" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="dayBefore" />
  <intermediateCatchEvent id="dayBefore" name="За 24 часа до замера">
    <timerEventDefinition><timeDate>=date and time(measurementAt) - duration("PT24H")</timeDate></timerEventDefinition>
  </intermediateCatchEvent>
  <sequenceFlow id="f2" sourceRef="dayBefore" targetRef="confirm" />
  <userTask id="confirm" name="Подтвердить замер с клиентом" />
  <boundaryEvent id="hourly" attachedToRef="confirm" cancelActivity="false">
    <timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f3" sourceRef="hourly" targetRef="alarm" />
  <serviceTask id="alarm" name="Напомнить" camunda:type="external" camunda:topic="notify" />
  <sequenceFlow id="f4" sourceRef="alarm" targetRef="alarmEnd" /><endEvent id="alarmEnd" />
  <sequenceFlow id="f5" sourceRef="confirm" targetRef="end" /><endEvent id="end" />
</process>`);

const DAILY = (hour: number) =>
  bpmn(
    `<process id="daily" isExecutable="true">
  <startEvent id="morning"><timerEventDefinition><timeCycle>0 0 ${hour} * * ?</timeCycle></timerEventDefinition></startEvent>
  <sequenceFlow id="f1" sourceRef="morning" targetRef="check" /><userTask id="check" name="Проверить лиды" />
  <sequenceFlow id="f2" sourceRef="check" targetRef="end" /><endEvent id="end" />
</process>`,
    'Definitions_daily',
  );

describe('timer kinds on the job executor', () => {
  let t: TestApp;
  let api: EngineRest;
  let clock: Clock;
  let executor: JobExecutor;
  const jobs = async (query: Record<string, string>) =>
    (await request(t.http).get('/engine-rest/job').query(query).expect(200)).body as {
      id: string;
      dueDate: string;
      activityId: string;
    }[];

  beforeAll(async () => {
    t = await startTestApp({ CONVEYOR_JOB_EXECUTOR: 'true', CONVEYOR_JOB_POLL_MS: '600000' });
    api = new EngineRest(t.http);
    clock = t.app.get(Clock);
    executor = t.app.get(JobExecutor);
    await api.deployOk(MEASUREMENT, 'measurement.bpmn');
  });
  afterAll(() => t.close());

  it('a date computed by FEEL (measurement minus 24 hours), then a repeating non-interrupting cycle', async () => {
    const measurementAt = new Date(clock.now().getTime() + 3 * 24 * HOUR);
    const instance = await api.start('measurement', {
      variables: {
        measurementAt: { value: measurementAt.toISOString().replace('Z', '+0000'), type: 'Date' },
      },
    });
    const [dayBefore] = await jobs({ processInstanceId: instance.id });
    expect(Date.parse(dayBefore.dueDate)).toBe(measurementAt.getTime() - 24 * HOUR);

    clock.advance(2 * 24 * HOUR + 60_000);
    await executor.runDueJobs();
    const [confirm] = await api.tasks({ processInstanceId: instance.id });
    expect(confirm.name).toBe('Подтвердить замер с клиентом');

    // R3/PT1H: three hourly reminders while the task waits, then no more
    for (let hour = 1; hour <= 4; hour++) {
      clock.advance(HOUR + 1000);
      await executor.runDueJobs();
    }
    const reminders = (
      await request(t.http)
        .get('/engine-rest/history/activity-instance')
        .query({ processInstanceId: instance.id, activityId: 'hourly' })
    ).body;
    expect(reminders).toHaveLength(3);
    expect(await jobs({ processInstanceId: instance.id, activityId: 'hourly' })).toHaveLength(0);
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Подтвердить замер с клиентом',
    ]);
  });

  it('a cron timer start event starts an instance at each occurrence; a new version replaces the old timer', async () => {
    await api.deployOk(DAILY(9), 'daily.bpmn');
    const [first] = await jobs({ processDefinitionKey: 'daily' });
    expect(new Date(first.dueDate).getUTCHours()).toBe(9);

    await api.deployOk(DAILY(10), 'daily.bpmn');
    const after = await jobs({ processDefinitionKey: 'daily' });
    expect(after).toHaveLength(1);
    expect(new Date(after[0].dueDate).getUTCHours()).toBe(10);

    clock.advance(Date.parse(after[0].dueDate) - clock.now().getTime() + 1000);
    await executor.runDueJobs();
    expect(await api.tasks({ processDefinitionKey: 'daily' })).toHaveLength(1);
    const [next] = await jobs({ processDefinitionKey: 'daily' });
    expect(Date.parse(next.dueDate) - Date.parse(after[0].dueDate)).toBe(24 * HOUR);
  });
});
