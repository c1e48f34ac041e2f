import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { EngineRest } from '../support/engine-rest.js';

/** A BPMN fixture of test/fixtures/bpmn, named `<spec>.<case>.bpmn` after the test that uses it. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/bpmn/${name}.bpmn`, import.meta.url), 'utf8');
}

export interface TaskInfo {
  id: string;
  name: string;
  taskDefinitionKey: string;
  assignee: string | null;
  due: string | null;
}

export interface JobInfo {
  id: string;
  dueDate: string | null;
  processInstanceId: string | null;
  processDefinitionKey: string | null;
}

export interface HistoricActivity {
  activityId: string;
  activityType: string;
  startTime: string | null;
  endTime: string | null;
  canceled: boolean;
  assignee: string | null;
  calledProcessInstanceId: string | null;
}

/**
 * EngineRest plus the endpoints the element specs need beyond the basics: message correlation,
 * jobs, external tasks, instance queries and activity history. Each helper returns the raw
 * response where the status is part of what a test checks, and parsed rows where it is not.
 */
export class ElementsRest extends EngineRest {
  constructor(readonly app: App) {
    super(app);
  }

  /** POST /message: 204 on success, 400 when nothing matches. */
  correlate(body: Record<string, unknown>): Promise<request.Response> {
    return request(this.app).post('/engine-rest/message').send(body);
  }

  async correlateOk(body: Record<string, unknown>): Promise<void> {
    const res = await this.correlate(body);
    if (res.status !== 204 && res.status !== 200)
      throw new Error(`correlation failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async jobs(query: Record<string, string>): Promise<JobInfo[]> {
    return ok(await request(this.app).get('/engine-rest/job').query(query), 'job query');
  }

  executeJob(id: string): Promise<request.Response> {
    return request(this.app).post(`/engine-rest/job/${id}/execute`);
  }

  async executeJobOk(id: string): Promise<void> {
    const res = await this.executeJob(id);
    if (res.status !== 204)
      throw new Error(`job execution failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async externalTasks(query: Record<string, string>): Promise<Record<string, unknown>[]> {
    return ok(
      await request(this.app).get('/engine-rest/external-task').query(query),
      'external task query',
    );
  }

  /** POST /external-task/fetchAndLock for one topic, as a worker does before it acts. */
  async fetchAndLock(workerId: string, topicName: string): Promise<{ id: string }[]> {
    const res = await request(this.app)
      .post('/engine-rest/external-task/fetchAndLock')
      .send({ workerId, maxTasks: 10, topics: [{ topicName, lockDuration: 60_000 }] });
    return ok(res, 'fetchAndLock');
  }

  async instances(query: Record<string, string>): Promise<{ id: string; businessKey: string }[]> {
    return ok(
      await request(this.app).get('/engine-rest/process-instance').query(query),
      'instance query',
    );
  }

  async task(id: string): Promise<request.Response> {
    return request(this.app).get(`/engine-rest/task/${id}`);
  }

  async instanceTasks(instanceId: string): Promise<TaskInfo[]> {
    return this.tasks({ processInstanceId: instanceId, sortBy: 'created', sortOrder: 'asc' });
  }

  /** The activity history of an instance, in the order the activities started. */
  async history(instanceId: string): Promise<HistoricActivity[]> {
    return ok(
      await request(this.app)
        .get('/engine-rest/history/activity-instance')
        .query({ processInstanceId: instanceId, sortBy: 'occurrence', sortOrder: 'asc' }),
      'activity history',
    );
  }

  /** Ids of the activities an instance passed through (finished or not), in start order. */
  async path(instanceId: string): Promise<string[]> {
    return (await this.history(instanceId)).map((a) => a.activityId);
  }

  /** Asserts that the instance waits in exactly these user tasks (any order) and returns them. */
  async expectTasks(instanceId: string, keys: string[]): Promise<TaskInfo[]> {
    const tasks = await this.instanceTasks(instanceId);
    expect(tasks.map((x) => x.taskDefinitionKey).sort()).toEqual([...keys].sort());
    return tasks;
  }

  /**
   * Asserts that the instance has exactly one job, a duration timer started between `startedAt`
   * and now, so due `delayMs` after a moment in that window; returns the job.
   */
  async expectOneTimer(instanceId: string, startedAt: number, delayMs: number): Promise<JobInfo> {
    const jobs = await this.jobs({ processInstanceId: instanceId });
    expect(jobs).toHaveLength(1);
    const due = Date.parse(jobs[0].dueDate ?? '');
    expect(due).toBeGreaterThanOrEqual(startedAt + delayMs - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + delayMs + 1000);
    return jobs[0];
  }

  /** Asserts that an instance is over: Camunda answers 404 for an ended instance. */
  async expectEnded(instanceId: string): Promise<void> {
    const res = await this.instance(instanceId);
    if (res.status !== 404)
      throw new Error(
        `instance ${instanceId} should have ended, got ${res.status} ${JSON.stringify(res.body)}`,
      );
  }
}

function ok<T>(res: request.Response, what: string): T {
  if (res.status !== 200)
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Typed REST variables, to keep the specs short. */
export const str = (value: string) => ({ value, type: 'String' });
export const long = (value: number) => ({ value, type: 'Long' });
export const bool = (value: boolean) => ({ value, type: 'Boolean' });
export const date = (value: string) => ({ value, type: 'Date' });
/** A list as Camunda clients send one: a JSON-serialized java.util.ArrayList. */
export const list = (value: unknown[]) => ({
  value: JSON.stringify(value),
  type: 'Object',
  valueInfo: {
    objectTypeName: 'java.util.ArrayList<java.lang.Object>',
    serializationDataFormat: 'application/json',
  },
});
