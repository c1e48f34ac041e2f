import { readFileSync } from 'node:fs';
import request from 'supertest';
import { Clock } from '../src/common/clock.js';
import { JobExecutor } from '../src/jobs/job-executor.service.js';
import { EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The default calendar (Europe/Moscow, UTC+3 all year, 09:00-18:00, Monday-Friday) with two May
// holidays. March 2030: Friday the 1st, Monday the 4th … Friday the 8th.
const HOLIDAYS = '2030-05-01,2030-05-09';
const msk = (local: string) => new Date(`${local}+03:00`);

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/bpmn/business-calendar.${name}.bpmn`, import.meta.url), 'utf8');

/** Camunda's dates carry `+0000`; Date.parse wants `+00:00`. */
const instantOf = (camundaDate: string | null) =>
  camundaDate === null ? null : new Date(camundaDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/**
 * The service clock keeps running after the test sets it, so "the same time of day" carries the
 * few milliseconds the request took: compare to the second.
 */
function expectAt(actual: Date | string | null, expected: Date): void {
  const at = typeof actual === 'string' ? instantOf(actual) : actual;
  expect(at).not.toBeNull();
  const drift = (at as Date).getTime() - expected.getTime();
  if (drift < 0 || drift >= 1000) expect(at).toEqual(expected);
}

describe('business calendar in diagrams', () => {
  let t: TestApp;
  let api: EngineRest;
  let clock: Clock;
  let executor: JobExecutor;

  /** Puts the service clock at an instant (the Clock only moves by offsets). */
  const setClock = (at: Date) => clock.advance(at.getTime() - clock.now().getTime());
  const jobsOf = async (processInstanceId: string) =>
    (await request(t.http).get('/engine-rest/job').query({ processInstanceId }).expect(200))
      .body as { id: string; dueDate: string; retries: number; exceptionMessage: string | null }[];
  const taskNames = async (processInstanceId: string) =>
    (await api.tasks({ processInstanceId })).map((task) => task.name);

  beforeAll(async () => {
    t = await startTestApp({
      CONVEYOR_JOB_EXECUTOR: 'true',
      CONVEYOR_JOB_POLL_MS: '600000',
      CONVEYOR_CALENDAR_HOLIDAYS: HOLIDAYS,
    });
    api = new EngineRest(t.http);
    clock = t.app.get(Clock);
    executor = t.app.get(JobExecutor);
    for (const name of ['due-date', 'working-days-timer', 'feel-hours', 'bad-call-later']) {
      await api.deployOk(fixture(name), `business-calendar.${name}.bpmn`);
    }
  });
  afterAll(() => t.close());

  describe('a user task due at the end of the working day', () => {
    it('during working hours: today at 18:00; follow-up two working hours later (FEEL)', async () => {
      setClock(msk('2030-03-06T10:00:00'));
      const instance = await api.start('business_calendar_due_date');
      const [task] = (
        await request(t.http)
          .get('/engine-rest/task')
          .query({ processInstanceId: instance.id })
          .expect(200)
      ).body as { due: string | null; followUp: string | null }[];
      expectAt(task.due, msk('2030-03-06T18:00:00'));
      expectAt(task.followUp, msk('2030-03-06T12:00:00'));
    });

    it('on Friday evening: Monday at 18:00', async () => {
      setClock(msk('2030-03-01T19:30:00'));
      const instance = await api.start('business_calendar_due_date');
      const [task] = await api.tasks({ processInstanceId: instance.id });
      expectAt(task.due, msk('2030-03-04T18:00:00'));
    });

    it('on the eve of a holiday from CONVEYOR_CALENDAR_HOLIDAYS: the day after it', async () => {
      setClock(msk('2030-04-30T19:00:00'));
      const instance = await api.start('business_calendar_due_date');
      const [task] = await api.tasks({ processInstanceId: instance.id });
      expectAt(task.due, msk('2030-05-02T18:00:00'));
    });
  });

  describe('a timer three working days later', () => {
    it('started on Friday is due on Wednesday at the same time, and fires neither early nor never', async () => {
      setClock(msk('2030-03-01T14:00:00'));
      const instance = await api.start('business_calendar_working_days_timer');
      const [job] = await jobsOf(instance.id);
      expectAt(job.dueDate, msk('2030-03-06T14:00:00'));

      // Monday (three calendar days later) and Wednesday a minute early: still waiting
      setClock(msk('2030-03-04T14:00:01'));
      await executor.runDueJobs();
      setClock(msk('2030-03-06T13:59:00'));
      await executor.runDueJobs();
      expect(await taskNames(instance.id)).toEqual([]);

      setClock(msk('2030-03-06T14:00:01'));
      await executor.runDueJobs();
      expect(await taskNames(instance.id)).toEqual(['Позвонить клиенту по КП']);
      expect(await jobsOf(instance.id)).toEqual([]);
    });

    it('skips a holiday from CONVEYOR_CALENDAR_HOLIDAYS', async () => {
      // Tuesday 2030-04-30; Wednesday May 1st is a holiday, then Thursday, Friday, Monday
      setClock(msk('2030-04-30T11:00:00'));
      const instance = await api.start('business_calendar_working_days_timer');
      const [job] = await jobsOf(instance.id);
      expectAt(job.dueDate, msk('2030-05-06T11:00:00'));

      setClock(msk('2030-05-03T11:00:01')); // three calendar working days without the holiday
      await executor.runDueJobs();
      expect(await taskNames(instance.id)).toEqual([]);
      setClock(msk('2030-05-06T11:00:01'));
      await executor.runDueJobs();
      expect(await taskNames(instance.id)).toEqual(['Позвонить клиенту по КП']);
    });
  });

  it('a FEEL timer four working hours later carries over the evening to the next morning', async () => {
    // Tuesday 16:30: 1.5 hours today, 2.5 hours on Wednesday from 09:00
    setClock(msk('2030-03-05T16:30:00'));
    const instance = await api.start('business_calendar_feel_hours');
    const [job] = await jobsOf(instance.id);
    expectAt(job.dueDate, msk('2030-03-06T11:30:00'));

    setClock(msk('2030-03-05T20:31:00')); // four clock hours later: not working time
    await executor.runDueJobs();
    expect(await taskNames(instance.id)).toEqual([]);
    setClock(msk('2030-03-06T11:30:01'));
    await executor.runDueJobs();
    expect(await taskNames(instance.id)).toEqual(['Проверить, что клиенту перезвонили']);
  });

  describe('a bad call never crashes the service', () => {
    it('at deployment and start: a 400 naming the cause, and nothing is kept', async () => {
      await api.deployOk(fixture('bad-call'), 'business-calendar.bad-call.bpmn');
      const res = await request(t.http)
        .post('/engine-rest/process-definition/key/business_calendar_bad_call/start')
        .send({})
        .expect(400);
      expect(res.body.message).toContain('addWorkingDays: days must be a whole number');
      expect(
        (
          await request(t.http)
            .get('/engine-rest/process-instance')
            .query({ processDefinitionKey: 'business_calendar_bad_call' })
            .expect(200)
        ).body,
      ).toEqual([]);
    });

    it('in a user task attribute: a 400 naming the cause', async () => {
      await api.deployOk(fixture('bad-due-date'), 'business-calendar.bad-due-date.bpmn');
      const res = await request(t.http)
        .post('/engine-rest/process-definition/key/business_calendar_bad_due_date/start')
        .send({})
        .expect(400);
      expect(res.body.message).toContain('addWorkingHours: hours must be a number');
    });

    it('in a job: retries, then an incident; the instance waits, the service keeps serving', async () => {
      setClock(msk('2030-03-04T10:00:00'));
      const instance = await api.start('business_calendar_bad_call_later', {
        variables: { hoursLeft: { value: -2, type: 'Integer' } },
      });
      for (let attempt = 0; attempt < 3; attempt++) {
        clock.advance(24 * 3600 * 1000);
        await executor.runDueJobs();
      }
      const [job] = await jobsOf(instance.id);
      expect(job.retries).toBe(0);
      expect(job.exceptionMessage).toContain('addWorkingHours: hours must be a number from 0');
      const incidents = (
        await request(t.http)
          .get('/engine-rest/incident')
          .query({ processInstanceId: instance.id })
          .expect(200)
      ).body as { incidentType: string; activityId: string }[];
      expect(incidents).toMatchObject([{ incidentType: 'failedJob', activityId: 'oneHour' }]);
      expect((await api.instance(instance.id)).status).toBe(200);
      await request(t.http).get('/health').expect(200);
    });
  });
});
