import request from 'supertest';
import { Clock } from '../../src/common/clock.js';
import { JobExecutor } from '../../src/jobs/job-executor.service.js';
import { BuiltInWorkers } from '../../src/workers/builtin-workers.service.js';
import { ElementsRest, bool, date, long, str, type TaskInfo } from '../elements/elements-rest.js';
import type { TestApp } from '../support/test-app.js';

export const PROCESS_KEY = 'customer-service';
export const PAYMENT_RECEIVED = 'customer-service.payment-received';
export const NEGATIVE_FEEDBACK = 'customer-service.negative-feedback';

export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;
const MOSCOW_OFFSET = 3 * HOUR; // Europe/Moscow has no DST

/** A task as GET /task returns it, with the fields these tests assert. */
export interface TaskRow extends TaskInfo {
  priority: number;
}

/** An entry of GET /api/notification-log. */
export interface NotificationLogEntry {
  externalTaskId: string;
  channel: string;
  recipient: string | null;
  recipientGroup: string | null;
  subject: string | null;
  text: string;
  status: string;
}

/** A locked external task, as fetchAndLock returns it. */
export interface LockedExternalTask {
  id: string;
  topicName: string;
  activityId: string;
  processInstanceId: string;
  variables: Record<string, { value: unknown; type: string }>;
}

/**
 * Drives «Обслуживание клиента» through the REST API: one step = one task completed by the person
 * the process chose, time moved with the service clock instead of waiting.
 */
export class CustomerServiceSteps {
  readonly api: ElementsRest;
  readonly clock: Clock;
  private readonly executor: JobExecutor;

  constructor(private readonly t: TestApp) {
    this.api = new ElementsRest(t.http);
    this.clock = t.app.get(Clock);
    this.executor = t.app.get(JobExecutor);
  }

  /** Moves the clock to a Monday 10:00 Moscow time, at least a week ahead, and returns that instant. */
  toMondayMorning(): Date {
    const now = this.clock.now().getTime();
    const moscow = new Date(now + MOSCOW_OFFSET);
    const daysAhead = ((8 - moscow.getUTCDay()) % 7) + 7; // at least a week: jobs of earlier tests stay behind
    const target =
      Date.UTC(moscow.getUTCFullYear(), moscow.getUTCMonth(), moscow.getUTCDate() + daysAhead, 10) -
      MOSCOW_OFFSET;
    this.clock.advance(target - now);
    return new Date(target);
  }

  /** The instant `days` days after the Monday anchor (10:00 Moscow time), at `hour`:00 Moscow time. */
  static at(monday: Date, days: number, hour: number): Date {
    return new Date(monday.getTime() + days * DAY + (hour - 10) * HOUR);
  }

  /** Moves the clock forward and runs every job that became due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.executor.runDueJobs();
  }

  async start(businessKey: string, dutyManager = 'dmitry', nextManager = 'olga'): Promise<string> {
    const instance = await this.api.start(PROCESS_KEY, {
      businessKey,
      variables: { dutyManager: str(dutyManager), nextManager: str(nextManager) },
    });
    return instance.id;
  }

  /** The instance's only open task; it must be `key`. */
  async only(instanceId: string, key: string): Promise<TaskRow> {
    const [task] = await this.api.expectTasks(instanceId, [key]);
    return task as TaskRow;
  }

  /** The open task `key` of the instance (other tasks may be open too). */
  async open(instanceId: string, key: string): Promise<TaskRow> {
    const tasks = (await this.api.instanceTasks(instanceId)) as TaskRow[];
    const task = tasks.find((x) => x.taskDefinitionKey === key);
    if (!task)
      throw new Error(
        `no open task ${key}; open: ${tasks.map((x) => x.taskDefinitionKey).join(', ')}`,
      );
    return task;
  }

  /** Completes the open task `key`, asserting its assignee first when given; returns the task. */
  async complete(
    instanceId: string,
    key: string,
    variables: Record<string, unknown>,
    assignee?: string,
  ): Promise<TaskRow> {
    const task = await this.open(instanceId, key);
    if (assignee !== undefined) expect(task.assignee).toBe(assignee);
    await this.api.completeOk(task.id, variables);
    return task;
  }

  async variable(instanceId: string, name: string): Promise<unknown> {
    return (await this.api.variables(instanceId))[name]?.value;
  }

  async candidateGroups(taskId: string): Promise<string[]> {
    const res = await request(this.t.http)
      .get(`/engine-rest/task/${taskId}/identity-links`)
      .expect(200);
    return (res.body as { type: string; groupId: string | null }[])
      .filter((link) => link.type === 'candidate' && link.groupId)
      .map((link) => link.groupId as string);
  }

  /** The instance's pending timer jobs. */
  async timers(instanceId: string): Promise<{ id: string; dueDate: string | null }[]> {
    return this.api.jobs({ processInstanceId: instanceId });
  }

  async correlate(
    instanceId: string,
    messageName: string,
    variables: Record<string, unknown> = {},
  ): Promise<request.Response> {
    return this.api.correlate({
      messageName,
      processInstanceId: instanceId,
      processVariables: variables,
    });
  }

  /** Runs one round of the built-in workers (notifications) and the notification dispatcher. */
  async runBuiltInWorkers(): Promise<void> {
    await this.t.app.get(BuiltInWorkers).runOnce();
  }

  async notificationLog(instanceId: string): Promise<NotificationLogEntry[]> {
    const res = await request(this.t.http)
      .get('/api/notification-log')
      .query({ processInstanceId: instanceId })
      .expect(200);
    return res.body as NotificationLogEntry[];
  }

  /** Acts as an outside worker: locks the instance's external tasks of a topic (by business key). */
  async fetch(topicName: string, businessKey: string): Promise<LockedExternalTask[]> {
    const res = await request(this.t.http)
      .post('/engine-rest/external-task/fetchAndLock')
      .send({
        workerId: 'test-worker',
        maxTasks: 10,
        topics: [{ topicName, lockDuration: 60_000, businessKey }],
      })
      .expect(200);
    return res.body as LockedExternalTask[];
  }

  async completeExternal(id: string, variables: Record<string, unknown> = {}): Promise<void> {
    await request(this.t.http)
      .post(`/engine-rest/external-task/${id}/complete`)
      .send({ workerId: 'test-worker', variables })
      .expect(204);
  }

  // ---- the steps of the document, each with valid data ----

  /** Steps 1–3: the call is answered (on time by default), the manager introduces themself. */
  async introduce(instanceId: string, manager: string, newClient: boolean): Promise<void> {
    await this.complete(
      instanceId,
      'introduceYourself',
      { clientName: str('Анна Петрова'), newClient: bool(newClient) },
      manager,
    );
  }

  /** The client card: filled for a new client, checked for a returning one. */
  async clientCard(instanceId: string, key: 'fillClientCard' | 'openClientCard'): Promise<void> {
    await this.complete(instanceId, key, {
      clientPhone: str('+7 916 123-45-67'),
      clientEmail: str('anna@example.ru'),
      clientAddress: str('Москва, ул. Лесная, 5, кв. 12'),
    });
  }

  async consult(instanceId: string, measurementAgreed: boolean): Promise<void> {
    await this.complete(instanceId, 'consultClient', {
      agreements: str(measurementAgreed ? 'Замеры кухни, затем КП' : 'Отправить прайс-лист'),
      measurementAgreed: bool(measurementAgreed),
    });
  }

  async createWorkCard(instanceId: string, measurer: string, at: Date): Promise<void> {
    await this.complete(instanceId, 'createWorkCard', {
      measurer: str(measurer),
      measurementDate: date(camundaDate(at)),
    });
  }

  async measure(instanceId: string, measurer: string): Promise<void> {
    await this.complete(
      instanceId,
      'performMeasurement',
      { measurementResults: str('Стена 3200 мм, окно 1400 мм, выводы воды справа') },
      measurer,
    );
  }

  async review(instanceId: string, status: 'done' | 'rejected'): Promise<void> {
    await this.complete(instanceId, 'reviewMeasurements', {
      measurementsReceivedAt: date(camundaDate(this.clock.now())),
      measurementStatus: str(status),
    });
  }

  async prepareOffer(instanceId: string): Promise<void> {
    await this.complete(instanceId, 'prepareOffer', {
      offerNumber: str('КП-17'),
      offerAmount: long(480_000),
    });
  }

  async meet(instanceId: string): Promise<void> {
    await this.complete(instanceId, 'meetClientInOffice', {
      meetingDate: date(camundaDate(this.clock.now())),
      materialsHandedOver: bool(true),
      offerSaved: bool(true),
    });
  }
}

/** Asserts an instant computed from "now" while the test ran: at or up to 10 s after `expected`. */
export function expectAbout(actual: string | null | undefined, expected: number): void {
  const at = Date.parse(actual ?? '');
  expect(at).toBeGreaterThanOrEqual(expected);
  expect(at).toBeLessThanOrEqual(expected + 10 * SECOND);
}

/** A Date as Camunda's REST API writes it: 2031-01-20T10:00:00.000+0000. */
export function camundaDate(at: Date): string {
  return at.toISOString().replace('Z', '+0000');
}
