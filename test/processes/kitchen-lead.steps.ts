import request from 'supertest';
import { ExternalTaskWorkerService } from '../../src/jobs/external-task-worker.service.js';
import { ExternalTaskVariables } from '../../src/workers/external-task-variables.js';
import { bool, long, str } from '../elements/elements-rest.js';
import { PROCESSES_DIR, startTestApp, type TestApp } from '../support/test-app.js';
import {
  camundaDate,
  DAY,
  HOUR,
  MINUTE,
  MOSCOW_OFFSET,
  ProcessSteps,
  type Notification,
} from './process-steps.js';

export { SECOND, MINUTE, HOUR, DAY } from './process-steps.js';

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
export const at = (instant: Date) => ({ value: camundaDate(instant), type: 'Date' });

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

/** A notification the process asked for (conveyor.notification), with the activity that sent it. */
export interface LeadNotification extends Notification {
  activityId: string;
  processInstanceId: string;
}

/**
 * Drives «Обработка лида» through the REST API on a fresh app that deployed processes/: leads
 * arrive as messages, people complete their tasks, the clock moves instead of the test waiting,
 * and the test acts as the notification worker.
 */
export class KitchenLeadSteps extends ProcessSteps {
  private constructor(override readonly t: TestApp) {
    super(t);
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

  /** How often an activity ran in the instance (history). */
  async timesRun(instanceId: string, activityId: string): Promise<number> {
    return (await this.api.path(instanceId)).filter((id) => id === activityId).length;
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
    await this.runJobsAt(friday);
    return friday;
  }

  /**
   * Acts as the conveyor.notification worker: fetches every pending notification, completes it and
   * returns what it was asked to send (for one instance, when given). fetchAndLock does not return a task's input parameters yet,
   * so they are read the way the built-in workers read them (ExternalTaskVariables).
   */
  async notifications(instanceId?: string): Promise<LeadNotification[]> {
    const worker = this.t.app.get(ExternalTaskWorkerService);
    const locked = await worker.fetchAndLock({
      workerId: 'kitchen-lead-test',
      maxTasks: 100,
      topics: [{ topicName: 'conveyor.notification', lockDuration: 60_000 }],
    });
    const sent: LeadNotification[] = [];
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
    await this.runJobsAt(new Date(Date.parse(timer.dueDate) + MINUTE));
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
    await this.runJobsAt(new Date(measurementAt.getTime() - DAY + MINUTE));
    await this.complete(id, 'confirmMeasurement', { measurementConfirmation: str('confirmed') });
    await this.notifications(); // the SMS
    await this.runJobsAt(new Date(measurementAt.getTime() - HOUR + MINUTE));
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
