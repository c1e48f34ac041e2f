import request from 'supertest';
import { BuiltInWorkers } from '../../src/workers/builtin-workers.service.js';
import { bool, date, long, str } from '../elements/elements-rest.js';
import { camundaDate, ProcessSteps, SECOND } from './process-steps.js';

export const PROCESS_KEY = 'customer-service';
export const PAYMENT_RECEIVED = 'customer-service.payment-received';
export const NEGATIVE_FEEDBACK = 'customer-service.negative-feedback';

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

/**
 * Drives «Обслуживание клиента» through the REST API: one step = one task completed by the person
 * the process chose, time moved with the service clock instead of waiting.
 */
export class CustomerServiceSteps extends ProcessSteps {
  /** A call to the on-duty manager, forwarded to the next one when not answered in time. */
  async startCall(
    businessKey: string,
    dutyManager = 'dmitry',
    nextManager = 'olga',
  ): Promise<string> {
    return this.start(PROCESS_KEY, businessKey, {
      dutyManager: str(dutyManager),
      nextManager: str(nextManager),
    });
  }

  async variable(instanceId: string, name: string): Promise<unknown> {
    return (await this.variables(instanceId))[name];
  }

  /** Correlates a message to this instance (by its id, not its business key). */
  async correlateInstance(
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
