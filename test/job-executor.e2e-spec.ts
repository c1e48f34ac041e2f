import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { AppConfig } from '../src/config/app-config.js';
import { ExecuteJobCommand } from '../src/jobs/execute-job.command.js';
import { JobExecutor } from '../src/jobs/job-executor.service.js';
import { JobRepository } from '../src/jobs/job.repository.js';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

const FOLLOW_UP = bpmn(`<process id="followUp" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="offer" />
  <userTask id="offer" name="Отправить КП" />
  <boundaryEvent id="week" attachedToRef="offer"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></boundaryEvent>
  <sequenceFlow id="f2" sourceRef="week" targetRef="call" /><userTask id="call" name="Позвонить и узнать решение" />
  <sequenceFlow id="f3" sourceRef="call" targetRef="end2" /><endEvent id="end2" />
  <sequenceFlow id="f4" sourceRef="offer" targetRef="end" /><endEvent id="end" />
</process>`);

const BROKEN = bpmn(
  `<process id="broken" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
  <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
  <sequenceFlow id="f2" sourceRef="wait" targetRef="script" />
  <scriptTask id="script" scriptFormat="javascript"><script>throw new Error('справочник недоступен')</script></scriptTask>
  <sequenceFlow id="f3" sourceRef="script" targetRef="end" /><endEvent id="end" />
</process>`,
  'Definitions_broken',
);

const ASYNC = bpmn(
  `<process id="asyncInvoice" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="issue" />
  <userTask id="issue" name="Выставить счёт" camunda:asyncBefore="true" />
  <sequenceFlow id="f2" sourceRef="issue" targetRef="end" /><endEvent id="end" />
</process>`,
  'Definitions_async',
);

describe('job executor', () => {
  let t: TestApp;
  let api: EngineRest;
  let clock: Clock;
  let executor: JobExecutor;
  beforeAll(async () => {
    t = await startTestApp({ CONVEYOR_JOB_EXECUTOR: 'true', CONVEYOR_JOB_POLL_MS: '600000' });
    api = new EngineRest(t.http);
    clock = t.app.get(Clock);
    executor = t.app.get(JobExecutor);
    await api.deployOk(FOLLOW_UP, 'follow-up.bpmn');
    await api.deployOk(BROKEN, 'broken.bpmn');
    await api.deployOk(ASYNC, 'async.bpmn');
  });

  it('is woken by the commit that made a job due: an async continuation runs at once', async () => {
    const instance = await api.start('asyncInvoice');
    let tasks: { name: string }[] = [];
    for (let i = 0; i < 50 && tasks.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks = await api.tasks({ processInstanceId: instance.id });
    }
    expect(tasks.map((x) => x.name)).toEqual(['Выставить счёт']);
  });
  afterAll(() => t.close());

  it('fires a 7-day timer neither early nor never: the clock is moved, not waited for', async () => {
    const instance = await api.start('followUp');
    clock.advance(6 * DAY);
    await executor.runDueJobs();
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Отправить КП',
    ]);
    clock.advance(DAY + 60_000);
    expect(await executor.runDueJobs()).toBeGreaterThanOrEqual(1);
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Позвонить и узнать решение',
    ]);
  });

  it('retries a failing job with a backoff, then raises an incident; nothing of the instance is lost', async () => {
    const instance = await api.start('broken');
    clock.advance(2 * 3600 * 1000);
    await executor.runDueJobs();
    const [job] = (
      await request(t.http)
        .get('/engine-rest/job')
        .query({ processInstanceId: instance.id })
        .expect(200)
    ).body;
    expect(job).toMatchObject({
      retries: 2,
      exceptionMessage: expect.stringContaining('справочник недоступен'),
    });
    for (let i = 0; i < 2; i++) {
      clock.advance(DAY);
      await executor.runDueJobs();
    }
    const [failed] = (
      await request(t.http).get('/engine-rest/job').query({ processInstanceId: instance.id })
    ).body;
    expect(failed.retries).toBe(0);
    const incidents = await t.app
      .get(DataSource)
      .query(`SELECT type, job_id, message FROM incident WHERE instance_id = $1`, [instance.id]);
    expect(incidents).toEqual([
      {
        type: 'failedJob',
        job_id: failed.id,
        message: expect.stringContaining('справочник недоступен'),
      },
    ]);
    expect((await api.instance(instance.id)).status).toBe(200); // still waiting at its timer
    const stack = await request(t.http).get(`/engine-rest/job/${failed.id}/stacktrace`).expect(200);
    expect(stack.text).toContain('справочник недоступен');
  });

  it('honours camunda:failedJobRetryTimeCycle and lets an operator retry an incident', async () => {
    await api.deployOk(
      BROKEN.replace(
        '<intermediateCatchEvent id="wait">',
        '<intermediateCatchEvent id="wait"><extensionElements><camunda:failedJobRetryTimeCycle>R2/PT10M</camunda:failedJobRetryTimeCycle></extensionElements>',
      ),
      'broken.bpmn',
    );
    const instance = await api.start('broken');
    const [job] = (
      await request(t.http).get('/engine-rest/job').query({ processInstanceId: instance.id })
    ).body;
    expect(job.retries).toBe(2);
    clock.advance(2 * 3600 * 1000);
    await executor.runDueJobs();
    const [failedOnce] = (
      await request(t.http).get('/engine-rest/job').query({ processInstanceId: instance.id })
    ).body;
    expect(failedOnce.retries).toBe(1);
    const tenMinutes = Date.parse(failedOnce.dueDate) - clock.now().getTime();
    expect(tenMinutes).toBeGreaterThan(9 * 60_000);
    expect(tenMinutes).toBeLessThanOrEqual(10 * 60_000);
    clock.advance(11 * 60_000);
    await executor.runDueJobs();
    const incidents = (
      await request(t.http)
        .get('/engine-rest/incident')
        .query({ processInstanceId: instance.id })
        .expect(200)
    ).body;
    expect(incidents).toMatchObject([
      { incidentType: 'failedJob', configuration: job.id, activityId: 'wait' },
    ]);
    expect(
      (
        await request(t.http)
          .get('/engine-rest/incident/count')
          .query({ processInstanceId: instance.id })
      ).body,
    ).toEqual({ count: 1 });

    await request(t.http)
      .put(`/engine-rest/job/${job.id}/retries`)
      .send({ retries: 1 })
      .expect(204);
    expect(
      (await request(t.http).get('/engine-rest/incident').query({ processInstanceId: instance.id }))
        .body,
    ).toHaveLength(0);
  });

  it('counts a job whose lease expired mid-run as a failed attempt', async () => {
    const instance = await api.start('followUp');
    const db = t.app.get(DataSource);
    const [job] = await db.query(`SELECT id FROM job WHERE instance_id = $1`, [instance.id]);
    const now = clock.now();
    await db.query(
      `UPDATE job SET due_date = $2, lock_owner = 'dead-node', lock_expiration = $2 WHERE id = $1`,
      [job.id, new Date(now.getTime() - 1000)],
    );
    await executor.runDueJobs();
    const [after] = await db.query(
      `SELECT retries, lock_owner, exception_message FROM job WHERE id = $1`,
      [job.id],
    );
    expect(after).toMatchObject({
      retries: 2,
      lock_owner: null,
      exception_message: expect.stringContaining('lease expired'),
    });
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Отправить КП',
    ]);
  });

  it('resolves the incident of a recorded failure once the job runs through', async () => {
    const instance = await api.start('followUp');
    const db = t.app.get(DataSource);
    const [job] = await db.query(`SELECT id, definition_id FROM job WHERE instance_id = $1`, [
      instance.id,
    ]);
    await db.query(`UPDATE job SET exception_message = 'CRM не ответила' WHERE id = $1`, [job.id]);
    await db.query(
      `INSERT INTO incident (id, type, instance_id, definition_id, activity_id, job_id, message, created)
       VALUES ('incident-of-job', 'failedJob', $1, $2, 'week', $3, 'CRM не ответила', now())`,
      [instance.id, job.definition_id, job.id],
    );
    await request(t.http).post(`/engine-rest/job/${job.id}/execute`).expect(204);
    expect(await db.query(`SELECT id FROM incident WHERE job_id = $1`, [job.id])).toEqual([]);
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Позвонить и узнать решение',
    ]);
  });

  it('leaves a job to the node that took it over while the jobs ahead of it ran', async () => {
    const instance = await api.start('followUp');
    const db = t.app.get(DataSource);
    const [job] = await db.query(`SELECT id FROM job WHERE instance_id = $1`, [instance.id]);
    clock.advance(7 * DAY + 60_000);
    // This node stalls past its lease after acquiring the job; another node takes the job over.
    const jobs = t.app.get(JobRepository);
    const acquire = jobs.acquire.bind(jobs);
    const lockMs = t.app.get(AppConfig).jobs.lockMs;
    jobs.acquire = async (tx, ...args) => {
      const batch = await acquire(tx, ...args);
      if (batch.some((row) => row.id === job.id)) {
        clock.advance(lockMs + 1000);
        await tx.query(
          `UPDATE job SET lock_owner = 'other-node', lock_expiration = $2 WHERE id = $1`,
          [job.id, new Date(clock.now().getTime() + lockMs)],
        );
      }
      return batch;
    };
    try {
      await executor.runDueJobs();
    } finally {
      jobs.acquire = acquire;
    }
    const [after] = await db.query(
      `SELECT retries, lock_owner, exception_message FROM job WHERE id = $1`,
      [job.id],
    );
    expect(after).toEqual({ retries: 3, lock_owner: 'other-node', exception_message: null });
    expect((await api.tasks({ processInstanceId: instance.id })).map((x) => x.name)).toEqual([
      'Отправить КП',
    ]);
    await request(t.http).delete(`/engine-rest/process-instance/${instance.id}`).expect(204);
  });

  it('records no failure and no incident for a job another node took over meanwhile', async () => {
    const instance = await api.start('broken');
    const db = t.app.get(DataSource);
    const [job] = await db.query(`SELECT id FROM job WHERE instance_id = $1`, [instance.id]);
    await db.query(`UPDATE job SET retries = 1 WHERE id = $1`, [job.id]);
    // The run outlives this node's lease: another node holds the job when the script fails.
    const command = t.app.get(ExecuteJobCommand);
    const run = command.run.bind(command);
    let calls = 0;
    command.run = async (row) => {
      if (row.id === job.id) {
        calls++;
        await db.query(`UPDATE job SET lock_owner = 'other-node' WHERE id = $1`, [row.id]);
      }
      return run(row);
    };
    try {
      clock.advance(2 * 3600 * 1000);
      await executor.runDueJobs();
    } finally {
      command.run = run;
    }
    expect(calls).toBe(1);
    const [after] = await db.query(
      `SELECT retries, lock_owner, exception_message FROM job WHERE id = $1`,
      [job.id],
    );
    expect(after).toEqual({ retries: 1, lock_owner: 'other-node', exception_message: null });
    expect(await db.query(`SELECT id FROM incident WHERE job_id = $1`, [job.id])).toEqual([]);
  });
});
