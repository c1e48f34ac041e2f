import request from 'supertest';
import { Clock } from '../../src/common/clock.js';
import { JobExecutor } from '../../src/jobs/job-executor.service.js';
import { ExternalTaskVariables } from '../../src/workers/external-task-variables.js';
import type { LockedExternalTaskDto } from '../../src/jobs/external-task-worker.service.js';
import { ElementsRest, type TaskInfo } from '../elements/elements-rest.js';
import type { TestApp } from '../support/test-app.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const MOSCOW_OFFSET = 3 * HOUR; // Europe/Moscow: UTC+3 all year

/** A Moscow wall-clock time as an instant: msk('2030-09-02T10:00'). */
export const msk = (local: string): Date => new Date(`${local}:00+03:00`);

/** An instant `days` calendar days and a Moscow wall-clock time after a Monday anchor. */
export function mskAfter(anchor: Date, days: number, hhmm: string): Date {
  const day = new Date(anchor.getTime() + MOSCOW_OFFSET + days * DAY).toISOString().slice(0, 10);
  return msk(`${day}T${hhmm}`);
}

/** A date as the forms' dd.MM.yyyy pattern writes it, in Moscow. */
export function ruDate(at: Date): string {
  const [year, month, day] = new Date(at.getTime() + MOSCOW_OFFSET)
    .toISOString()
    .slice(0, 10)
    .split('-');
  return `${day}.${month}.${year}`;
}

/** Camunda's date text: `2030-09-02T10:00:00.000+0000`. */
export const camundaDate = (at: Date): string => at.toISOString().replace('Z', '+0000');

/**
 * The service clock keeps running after a test moves it, so a date computed from now() carries the
 * time the test's requests took since: allow up to a minute after the expected instant.
 */
export function expectAt(actual: string | null | undefined, expected: Date): void {
  expect(actual).toEqual(expect.any(String));
  const at = Date.parse((actual as string).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  const drift = at - expected.getTime();
  if (drift < 0 || drift >= MINUTE) expect(new Date(at).toISOString()).toBe(expected.toISOString());
}

/** A task as GET /task returns it, with the fields these tests assert. */
export interface TaskRow extends TaskInfo {
  followUp: string | null;
  description: string | null;
}

export interface Notification {
  channel: unknown;
  to: unknown;
  toGroup: unknown;
  subject: unknown;
  text: unknown;
}

/**
 * Drives a process through the REST API as its people and workers would: complete the open task
 * the process chose, act as the worker of an external topic, move the service clock and run the
 * jobs that became due.
 */
export class ProcessSteps {
  readonly api: ElementsRest;
  readonly clock: Clock;
  private readonly executor: JobExecutor;

  constructor(protected readonly t: TestApp) {
    this.api = new ElementsRest(t.http);
    this.clock = t.app.get(Clock);
    this.executor = t.app.get(JobExecutor);
  }

  /**
   * Moves the clock to a Monday at least a week ahead, `hh:mm` Moscow time, and returns it: every
   * test starts on a fresh working week, and jobs of earlier tests stay behind.
   */
  toNextMonday(hhmm = '10:00'): Date {
    const now = this.clock.now().getTime();
    const moscow = new Date(now + MOSCOW_OFFSET);
    const daysAhead = ((8 - moscow.getUTCDay()) % 7) + 7;
    const monday = new Date(now + MOSCOW_OFFSET + daysAhead * DAY).toISOString().slice(0, 10);
    const target = msk(`${monday}T${hhmm}`);
    this.clock.advance(target.getTime() - now);
    return target;
  }

  /** Moves the clock `ms` forward and runs every job that became due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.executor.runDueJobs();
  }

  /** Moves the clock to `at` (forward only) and runs every job due by then. */
  async runJobsAt(at: Date): Promise<void> {
    const delta = at.getTime() - this.clock.now().getTime();
    if (delta < 0) throw new Error(`the clock is already past ${at.toISOString()}`);
    await this.advance(delta);
  }

  async start(
    key: string,
    businessKey: string,
    variables: Record<string, unknown>,
  ): Promise<string> {
    return (await this.api.start(key, { businessKey, variables })).id;
  }

  async tasks(instanceId: string): Promise<TaskRow[]> {
    return (await this.api.instanceTasks(instanceId)) as TaskRow[];
  }

  /** The instance's open tasks must be exactly `keys`; returns the one named first. */
  async soleTask(instanceId: string, ...keys: string[]): Promise<TaskRow> {
    const tasks = (await this.api.expectTasks(instanceId, keys)) as TaskRow[];
    return tasks.find((task) => task.taskDefinitionKey === keys[0]) as TaskRow;
  }

  /** The open task `key` of the instance (other tasks may be open too). */
  async open(instanceId: string, key: string): Promise<TaskRow> {
    const tasks = await this.tasks(instanceId);
    const task = tasks.find((x) => x.taskDefinitionKey === key);
    if (!task) {
      const open = tasks.map((x) => x.taskDefinitionKey).join(', ');
      throw new Error(`no open task ${key} in ${instanceId}; open: ${open}`);
    }
    return task;
  }

  /** Completes the open task `key` (its assignee asserted when given); returns the task. */
  async complete(
    instanceId: string,
    key: string,
    variables: Record<string, unknown> = {},
    assignee?: string,
  ): Promise<TaskRow> {
    const task = await this.open(instanceId, key);
    if (assignee !== undefined) expect(task.assignee).toBe(assignee);
    await this.api.completeOk(task.id, variables);
    return task;
  }

  /**
   * Completes a task with an invalid form: a 400 that names every field in `fields` (and no
   * other form field of `others`), the task still open, the variables unchanged.
   */
  async expectRejected(
    instanceId: string,
    taskId: string,
    variables: Record<string, unknown>,
    fields: string[],
    others: string[] = [],
  ): Promise<string> {
    const before = await this.api.variables(instanceId);
    const res = await this.api.complete(taskId, variables);
    expect(res.status).toBe(400);
    for (const field of fields) expect(res.body.message).toContain(`'${field}'`);
    for (const field of others) expect(res.body.message).not.toContain(`'${field}'`);
    expect((await this.api.task(taskId)).status).toBe(200);
    expect(await this.api.variables(instanceId)).toEqual(before);
    return res.body.message as string;
  }

  async formVariables(taskId: string): Promise<Record<string, { value: unknown; type: string }>> {
    return (
      await request(this.t.http).get(`/engine-rest/task/${taskId}/form-variables`).expect(200)
    ).body;
  }

  async variables(instanceId: string): Promise<Record<string, unknown>> {
    const typed = await this.api.variables(instanceId);
    return Object.fromEntries(Object.entries(typed).map(([name, v]) => [name, v.value]));
  }

  /** The variables an instance ended with (GET /history/variable-instance), by name. */
  async historicVariables(instanceId: string): Promise<Record<string, unknown>> {
    const res = await request(this.t.http)
      .get('/engine-rest/history/variable-instance')
      .query({ processInstanceId: instanceId })
      .expect(200);
    const rows = res.body as { name: string; value: unknown }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  }

  async candidateGroups(taskId: string): Promise<string[]> {
    const res = await request(this.t.http)
      .get(`/engine-rest/task/${taskId}/identity-links`)
      .expect(200);
    return (res.body as { type: string; groupId: string | null }[])
      .filter((link) => link.type === 'candidate' && link.groupId)
      .map((link) => link.groupId as string);
  }

  /** The instance's timer jobs, or those of one activity. */
  async timers(
    instanceId: string,
    activityId?: string,
  ): Promise<{ id: string; activityId: string; dueDate: string }[]> {
    return (
      await request(this.t.http)
        .get('/engine-rest/job')
        .query({ processInstanceId: instanceId, ...(activityId ? { activityId } : {}) })
        .expect(200)
    ).body;
  }

  async correlate(
    messageName: string,
    businessKey: string,
    variables: Record<string, unknown> = {},
  ): Promise<request.Response> {
    return this.api.correlate({ messageName, businessKey, processVariables: variables });
  }

  /** Acts as a worker: locks the external tasks of a topic for one business key. */
  async fetch(topicName: string, businessKey: string): Promise<LockedExternalTaskDto[]> {
    const res = await request(this.t.http)
      .post('/engine-rest/external-task/fetchAndLock')
      .send({
        workerId: 'test-worker',
        maxTasks: 10,
        topics: [{ topicName, lockDuration: 60_000, businessKey }],
      })
      .expect(200);
    return res.body as LockedExternalTaskDto[];
  }

  async completeExternal(id: string, variables: Record<string, unknown> = {}): Promise<void> {
    await request(this.t.http)
      .post(`/engine-rest/external-task/${id}/complete`)
      .send({ workerId: 'test-worker', variables })
      .expect(204);
  }

  /** Acts as the worker of `topic`: exactly one task for the business key, completed; returns it. */
  async work(
    topic: string,
    businessKey: string,
    variables: Record<string, unknown> = {},
  ): Promise<LockedExternalTaskDto> {
    const locked = await this.fetch(topic, businessKey);
    expect(locked.map((task) => task.topicName)).toEqual([topic]);
    await this.completeExternal(locked[0].id, variables);
    return locked[0];
  }

  /**
   * Acts as the notification worker (topic conveyor.notification): the one notification waiting
   * for the business key, its input parameters, completed. fetchAndLock does not return an
   * external task's input parameters yet (Camunda does), so they are read the way the built-in
   * workers read them until it does.
   */
  async notification(businessKey: string, activityId: string): Promise<Notification> {
    const locked = await this.fetch('conveyor.notification', businessKey);
    expect(locked.map((task) => task.activityId)).toEqual([activityId]);
    const visible = await this.t.app.get(ExternalTaskVariables).visibleTo(locked[0]);
    await this.completeExternal(locked[0].id);
    const value = (name: string) => visible[name]?.value ?? null;
    return {
      channel: value('channel'),
      to: value('to'),
      toGroup: value('toGroup'),
      subject: value('subject'),
      text: value('text'),
    };
  }

  async expectNoNotification(businessKey: string): Promise<void> {
    expect(await this.fetch('conveyor.notification', businessKey)).toEqual([]);
  }

  /** Ids of the activities an instance passed through, in start order, with how they ended. */
  async history(instanceId: string): Promise<{ id: string; canceled: boolean }[]> {
    return (await this.api.history(instanceId)).map((a) => ({
      id: a.activityId,
      canceled: a.canceled,
    }));
  }

  async count(instanceId: string, activityId: string): Promise<number> {
    return (await this.api.path(instanceId)).filter((id) => id === activityId).length;
  }

  async expectEnded(instanceId: string, endEvent: string): Promise<void> {
    await this.api.expectEnded(instanceId);
    const state = await this.api.historicInstance(instanceId);
    expect(state.state).toBe('COMPLETED');
    expect(await this.api.path(instanceId)).toContain(endEvent);
    expect(await this.tasks(instanceId)).toEqual([]);
    expect(await this.timers(instanceId)).toEqual([]);
  }
}
