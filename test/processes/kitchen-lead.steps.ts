import request from 'supertest';
import { Clock } from '../../src/common/clock.js';
import { ExternalTaskWorkerService } from '../../src/jobs/external-task-worker.service.js';
import { JobExecutor } from '../../src/jobs/job-executor.service.js';
import { ExternalTaskVariables } from '../../src/workers/external-task-variables.js';
import { ElementsRest, bool, long, str, type TaskInfo } from '../elements/elements-rest.js';
import { PROCESSES_DIR, startTestApp, type TestApp } from '../support/test-app.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const MOSCOW_OFFSET = 3 * HOUR; // Europe/Moscow has no DST

/** The lead sources: one message start event each. */
export const SOURCE_MESSAGE = {
  email: 'kitchen-lead-email',
  webForm: 'kitchen-lead-web-form',
  social: 'kitchen-lead-social',
  call: 'kitchen-lead-call',
  manual: 'kitchen-lead-manual',
} as const;
export type LeadSource = keyof typeof SOURCE_MESSAGE;

export type Variables = Record<string, unknown>;

/** A Date variable as Camunda clients send one. */
export const at = (instant: Date) => ({
  value: instant.toISOString().replace('Z', '+0000'),
  type: 'Date',
});

/** Moscow wall-clock time as an instant (month 1-12). */
export const moscow = (year: number, month: number, day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(year, month - 1, day, hour, minute) - MOSCOW_OFFSET);

/** Qualification (stage «Менеджер назначен») of an average client. */
export const QUALIFICATION: Variables = {
  budget: long(350_000),
  furnitureMaterial: str('mdf'),
  objectAddress: str('Москва, ул. Лесная, д. 5, кв. 12'),
  clientIsOurs: bool(true),
};

/** The clarifying fields (stage «Клиент наш») of the same client: class B. */
export const KITCHEN_DETAILS: Variables = {
  houseType: str('panel'),
  kitchenType: str('corner'),
  countertopMaterial: str('acrylic'),
  hasBacksplash: bool(true),
  backsplashMaterial: str('Стекло с фотопечатью'),
  needsAppliances: bool(true),
  appliances: str('Bosch: духовой шкаф, варочная панель, посудомоечная машина'),
  customerCategory: str('middle'),
  urgency: str('months'),
};

/** An in-app, e-mail or SMS notification the process asked for (conveyor.notification). */
export interface Notification {
  activityId: string;
  processInstanceId: string;
  channel: unknown;
  to: unknown;
  toGroup: unknown;
  subject: unknown;
  text: unknown;
}

/**
 * Drives «Обработка лида» through the REST API on a fresh app that deployed processes/: leads
 * arrive as messages, people complete their tasks, the clock moves instead of the test waiting,
 * and the test acts as the notification worker.
 */
export class KitchenLeadSteps {
  readonly api: ElementsRest;
  readonly clock: Clock;
  private readonly executor: JobExecutor;

  private constructor(readonly t: TestApp) {
    this.api = new ElementsRest(t.http);
    this.clock = t.app.get(Clock);
    this.executor = t.app.get(JobExecutor);
  }

  static async start(env: Record<string, string> = {}): Promise<KitchenLeadSteps> {
    const t = await startTestApp({
      CONVEYOR_PROCESSES_DIR: PROCESSES_DIR,
      CONVEYOR_JOB_EXECUTOR: 'true',
      CONVEYOR_JOB_POLL_MS: '600000',
      CONVEYOR_CALENDAR_TIME_ZONE: 'Europe/Moscow',
      ...env,
    });
    return new KitchenLeadSteps(t);
  }

  close(): Promise<void> {
    return this.t.close();
  }

  /** A lead arrives from `source` carrying `variables`; returns the new instance's id. */
  async receive(source: LeadSource, variables: Variables, businessKey?: string): Promise<string> {
    const res = await request(this.t.http).post('/engine-rest/message').send({
      messageName: SOURCE_MESSAGE[source],
      businessKey,
      processVariables: variables,
      resultEnabled: true,
    });
    if (res.status !== 200)
      throw new Error(`lead refused: ${res.status} ${JSON.stringify(res.body)}`);
    const [result] = res.body as { resultType: string; processInstance?: { id: string } }[];
    if (result.resultType !== 'ProcessDefinition' || !result.processInstance)
      throw new Error(
        `the ${SOURCE_MESSAGE[source]} message did not start a new lead: ${JSON.stringify(result)}`,
      );
    return result.processInstance.id;
  }

  /** The instance's variables as plain values. */
  async vars(instanceId: string): Promise<Variables> {
    const typed = await this.api.variables(instanceId);
    return Object.fromEntries(Object.entries(typed).map(([name, v]) => [name, v.value]));
  }

  /** The instance's only open task, which must be `key`. */
  async soleTask(
    instanceId: string,
    key: string,
  ): Promise<TaskInfo & { description: string | null }> {
    const [task] = await this.api.expectTasks(instanceId, [key]);
    return task as TaskInfo & { description: string | null };
  }

  /** The open task `key` of the instance (other tasks may be open too). */
  async open(instanceId: string, key: string): Promise<TaskInfo & { description: string | null }> {
    const tasks = (await this.api.instanceTasks(instanceId)).filter(
      (task) => task.taskDefinitionKey === key,
    );
    expect(tasks).toHaveLength(1);
    return tasks[0] as TaskInfo & { description: string | null };
  }

  /** Completes the open task `key` with the form values. */
  async complete(instanceId: string, key: string, variables: Variables = {}): Promise<void> {
    const task = await this.open(instanceId, key);
    await this.api.completeOk(task.id, variables);
  }

  /** Completes the task expecting a 400 naming every field, and returns the message. */
  async refused(taskId: string, variables: Variables, fields: string[]): Promise<string> {
    const res = await this.api.complete(taskId, variables);
    expect(res.status).toBe(400);
    for (const field of fields) expect(res.body.message).toContain(`'${field}'`);
    return res.body.message as string;
  }

  claim(taskId: string, userId: string): Promise<request.Response> {
    return request(this.t.http).post(`/engine-rest/task/${taskId}/claim`).send({ userId });
  }

  async formVariables(taskId: string): Promise<Record<string, { value: unknown; type: string }>> {
    return (
      await request(this.t.http).get(`/engine-rest/task/${taskId}/form-variables`).expect(200)
    ).body;
  }

  /** Timer jobs of one activity of the instance. */
  async timers(instanceId: string, activityId: string): Promise<{ id: string; dueDate: string }[]> {
    const jobs = await this.api.jobs({ processInstanceId: instanceId, activityId });
    return jobs.map((job) => ({ id: job.id, dueDate: job.dueDate ?? '' }));
  }

  /** How often an activity ran in the instance (history). */
  async timesRun(instanceId: string, activityId: string): Promise<number> {
    return (await this.api.path(instanceId)).filter((id) => id === activityId).length;
  }

  /** Moves the clock to `instant` (forward only) and runs every job that became due. */
  async advanceTo(instant: Date): Promise<void> {
    const delta = instant.getTime() - this.clock.now().getTime();
    if (delta < 0) throw new Error(`the clock cannot go back to ${instant.toISOString()}`);
    this.clock.advance(delta);
    await this.executor.runDueJobs();
  }

  /** Moves the clock to the next Friday (at least a day ahead), `hour`:00 Moscow time. */
  async toNextFriday(hour: number): Promise<Date> {
    const now = this.clock.now();
    const local = new Date(now.getTime() + MOSCOW_OFFSET);
    const daysAhead = ((5 - local.getUTCDay() + 7) % 7) + 7;
    const friday = moscow(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate() + daysAhead,
      hour,
    );
    await this.advanceTo(friday);
    return friday;
  }

  /**
   * Acts as the conveyor.notification worker: fetches every pending notification, completes it and
   * returns what it was asked to send (for one instance, when given). fetchAndLock does not return a task's input parameters yet,
   * so they are read the way the built-in workers read them (ExternalTaskVariables).
   */
  async notifications(instanceId?: string): Promise<Notification[]> {
    const worker = this.t.app.get(ExternalTaskWorkerService);
    const locked = await worker.fetchAndLock({
      workerId: 'kitchen-lead-test',
      maxTasks: 100,
      topics: [{ topicName: 'conveyor.notification', lockDuration: 60_000 }],
    });
    const sent: Notification[] = [];
    for (const task of locked) {
      const visible = await this.t.app.get(ExternalTaskVariables).visibleTo(task);
      sent.push({
        activityId: task.activityId,
        processInstanceId: task.processInstanceId,
        channel: visible.channel?.value,
        to: visible.to?.value,
        toGroup: visible.toGroup?.value,
        subject: visible.subject?.value,
        text: visible.text?.value,
      });
      await request(this.t.http)
        .post(`/engine-rest/external-task/${task.id}/complete`)
        .send({ workerId: 'kitchen-lead-test' })
        .expect(204);
    }
    return sent.filter((n) => !instanceId || n.processInstanceId === instanceId);
  }

  // --- walking the happy path, one stage at a time -------------------------------------------

  /** «Не обработан» → «Менеджер назначен»: `manager` claims the lead and takes it. */
  async take(instanceId: string, manager = 'anna'): Promise<void> {
    const task = await this.soleTask(instanceId, 'takeLead');
    expect((await this.claim(task.id, manager)).status).toBe(204);
    await this.api.completeOk(task.id, { manager: str(manager) });
  }

  /** An e-mail lead taken by anna and qualified: it waits in «Заполнить уточняющие поля». */
  async qualifiedLead(extra: Variables = {}, qualification: Variables = {}): Promise<string> {
    const id = await this.receive('email', {
      clientName: str('Анна Смирнова'),
      clientEmail: str('anna.smirnova@example.ru'),
      clientPhone: str('+7 916 000-11-22'),
      requestText: str('Хочу угловую кухню в новую квартиру'),
      ...extra,
    });
    await this.take(id);
    await this.notifications(); // the new-lead notice
    await this.complete(id, 'qualifyLead', { ...QUALIFICATION, ...qualification });
    return id;
  }

  /** Fills the clarifying fields; the ABC robot runs and «Подготовить КП» waits. */
  async detailsFilled(id: string, details: Variables = {}): Promise<void> {
    await this.complete(id, 'fillKitchenDetails', { ...KITCHEN_DETAILS, ...details });
    await this.soleTask(id, 'sendCatalogAndOffer');
  }

  /** Sends catalog and offer; with an e-mail on the card the lead is «Каталог и КП отправлены». */
  async catalogSent(id: string): Promise<void> {
    await this.complete(id, 'sendCatalogAndOffer', {
      catalogLinks: str('https://kitchens.example.ru/catalog/corner-2025'),
      offerAmount: long(340_000),
    });
  }

  /** Lets the 3 working days pass: «Связаться с клиентом» waits. */
  async followUpDue(id: string): Promise<void> {
    const [timer] = await this.timers(id, 'threeWorkingDaysPassed');
    await this.advanceTo(new Date(Date.parse(timer.dueDate) + MINUTE));
    await this.soleTask(id, 'followUpCall');
  }

  /** Books a measurement at `measurementAt` with the form's defaults (3 hours, the object address). */
  async measurementBooked(id: string, measurementAt: Date, measurer = 'sergey'): Promise<void> {
    await this.complete(id, 'followUpCall', { followUpResult: str('measurement') });
    const task = await this.soleTask(id, 'bookMeasurement');
    const form = await this.formVariables(task.id);
    await this.api.completeOk(task.id, {
      objectAddress: form.objectAddress,
      measurementHours: form.measurementHours,
      measurementAt: at(measurementAt),
      measurer: str(measurer),
      measurerPhone: str('+7 903 555-44-33'),
      clientWishes: str('Звонить после 10:00'),
    });
  }

  /** From «Замер назначен» to the final offer: confirmed, SMS sent, measured. */
  async measured(id: string, measurementAt: Date): Promise<void> {
    await this.advanceTo(new Date(measurementAt.getTime() - DAY + MINUTE));
    await this.complete(id, 'confirmMeasurement', { measurementConfirmation: str('confirmed') });
    await this.notifications(); // the SMS
    await this.advanceTo(new Date(measurementAt.getTime() - HOUR + MINUTE));
    await this.complete(id, 'warnClientOfArrival');
    await this.complete(id, 'conductMeasurement', {
      measurementResultsUrl: str('https://disk.example.ru/deals/smirnova'),
      designApproved: bool(true),
      projectAmount: long(395_000),
    });
  }

  /** A lead walked from the e-mail to «Подготовить конечное КП»; returns its id. */
  async atFinalOffer(): Promise<string> {
    const id = await this.qualifiedLead();
    await this.detailsFilled(id);
    await this.catalogSent(id);
    await this.followUpDue(id);
    const measurementAt = new Date(this.clock.now().getTime() + 3 * DAY);
    await this.measurementBooked(id, measurementAt);
    await this.measured(id, measurementAt);
    await this.soleTask(id, 'finalOffer');
    return id;
  }
}
