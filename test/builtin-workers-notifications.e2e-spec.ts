import request from 'supertest';
import { Clock } from '../src/common/clock.js';
import { ExternalTaskWorkerService } from '../src/jobs/external-task-worker.service.js';
import { BuiltInWorkers } from '../src/workers/builtin-workers.service.js';
import { NotificationTaskWorker } from '../src/workers/notification-task.worker.js';
import { str } from './elements/elements-rest.js';
import { expectMovedOn, startBuiltInWorkersApp } from './support/builtin-workers-app.js';
import { EngineRest } from './support/engine-rest.js';
import { TestSmsGateway, TestSmtpServer } from './support/notification-receivers.js';
import type { TestApp } from './support/test-app.js';

const MINUTE = 60_000;

interface LogEntry {
  id: string;
  externalTaskId: string;
  channel: string;
  recipient: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

/** The built-in `conveyor.notification` worker: the outbox, its dispatcher over e-mail and SMS, the log. */
describe('built-in worker conveyor.notification', () => {
  let t: TestApp;
  let api: EngineRest;
  let workers: BuiltInWorkers;
  let clock: Clock;
  let smtp: TestSmtpServer;
  let sms: TestSmsGateway;
  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    sms = await new TestSmsGateway().start();
    ({ t, api, workers } = await startBuiltInWorkersApp(['email', 'sms', 'bad-channel'], {
      CONVEYOR_SMTP_URL: smtp.url,
      CONVEYOR_MAIL_FROM: 'Conveyor <robot@conveyor.test>',
      CONVEYOR_SMS_GATEWAY_URL: sms.url,
      CONVEYOR_SMS_GATEWAY_TOKEN: 'sms-secret',
    }));
    clock = t.app.get(Clock);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await sms.stop();
  });

  const log = async (processInstanceId: string): Promise<LogEntry[]> =>
    (await request(t.http).get('/api/notification-log').query({ processInstanceId }).expect(200))
      .body as LogEntry[];

  const startEmail = (orderNumber: string) =>
    api.start('builtin_workers_email', {
      variables: {
        clientEmail: str(`client-${orderNumber}@example.com`),
        clientName: str('Anna'),
        orderNumber: str(orderNumber),
      },
    });

  const startSms = (clientPhone: string) =>
    api.start('builtin_workers_sms', {
      variables: { clientPhone: str(clientPhone), clientName: str('Анна') },
    });

  it('sends an e-mail with a Message-ID derived from the outbox row, after the process moved on', async () => {
    // given
    const instance = await startEmail('E-1');

    // when
    await workers.runOnce();

    // then
    await expectMovedOn(t, instance.id, 'Schedule the measurement');
    const [entry] = await log(instance.id);
    expect(entry).toMatchObject({ channel: 'email', status: 'sent', attempts: 1, lastError: null });
    expect(entry.sentAt).not.toBeNull();
    const mails = smtp.mails.filter((m) => m.to.includes('client-E-1@example.com'));
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe('robot@conveyor.test');
    expect(mails[0].header('Subject')).toBe('Order E-1 accepted');
    expect(mails[0].header('Message-ID')).toBe(`<notification-${entry.id}@conveyor.test>`);
    expect(mails[0].raw).toContain('Dear Anna, your order E-1 is accepted.');
  });

  it('posts an SMS to the gateway with the outbox id as Idempotency-Key', async () => {
    // given
    const instance = await startSms('+7 900 111-11-11');

    // when
    await workers.runOnce();

    // then
    await expectMovedOn(t, instance.id, 'Провести замер');
    const [entry] = await log(instance.id);
    expect(entry).toMatchObject({ channel: 'sms', status: 'sent', attempts: 1 });
    const [received] = sms.sentTo('+7 900 111-11-11');
    expect(received.body).toEqual({
      to: '+7 900 111-11-11',
      text: 'Анна, замерщик приедет завтра в 10:00',
    });
    expect(received.headers['idempotency-key']).toBe(entry.id);
    expect(received.headers.authorization).toBe('Bearer sms-secret');
  });

  it('retries later while the SMS gateway is down, then sends once', async () => {
    // given
    await sms.stop();
    const instance = await startSms('+7 900 222-22-22');

    // when
    await workers.runOnce();

    // then the process moved on, and the notification waits for its next attempt
    await expectMovedOn(t, instance.id, 'Провести замер');
    let [entry] = await log(instance.id);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
    expect(entry.lastError).toContain('SMS gateway not reachable');

    // when the gateway is back, nothing is sent before the backoff has passed
    await sms.start();
    await workers.runOnce();
    expect(sms.sentTo('+7 900 222-22-22')).toHaveLength(0);
    clock.advance(MINUTE);
    await workers.runOnce();
    await workers.runOnce();

    // then
    [entry] = await log(instance.id);
    expect(entry).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sms.sentTo('+7 900 222-22-22')).toHaveLength(1);
  });

  it('gives up after five attempts the gateway answers with 500, and logs them', async () => {
    // given
    sms.failFor.set('+7 900 555-55-55', 500);
    const instance = await startSms('+7 900 555-55-55');

    // when
    for (let attempt = 0; attempt < 7; attempt++) {
      await workers.runOnce();
      clock.advance(31 * MINUTE);
    }

    // then
    expect(sms.sentTo('+7 900 555-55-55')).toHaveLength(5);
    const failed = await request(t.http)
      .get('/api/notification-log')
      .query({ status: 'failed', processInstanceId: instance.id })
      .expect(200);
    expect(failed.body).toMatchObject([
      {
        status: 'failed',
        attempts: 5,
        sentAt: null,
        lastError: 'SMS gateway answered 500: {"error":"gateway broke"}',
      },
    ]);
    const count = await request(t.http)
      .get('/api/notification-log/count')
      .query({ status: 'failed' })
      .expect(200);
    expect(count.body).toEqual({ count: 1 });
    await expectMovedOn(t, instance.id, 'Провести замер');
  });

  it('sends once when the worker stopped between the outbox insert and the completion', async () => {
    // given: the outbox row is written, then the node stopped before completing the task
    const instance = await startEmail('E-2');
    const [task] = await t.app.get(ExternalTaskWorkerService).fetchAndLock({
      workerId: workers.workerId,
      maxTasks: 1,
      topics: [{ topicName: 'conveyor.notification', lockDuration: 5 * MINUTE }],
    });
    await t.app.get(NotificationTaskWorker).handle(task);

    // when the dispatcher runs and, once the lock expired, the task is handled again
    await workers.runOnce();
    clock.advance(5 * MINUTE + 1000);
    await workers.runOnce();

    // then
    await expectMovedOn(t, instance.id, 'Schedule the measurement');
    const entries = await log(instance.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ externalTaskId: task.id, status: 'sent', attempts: 1 });
    expect(smtp.mails.filter((m) => m.to.includes('client-E-2@example.com'))).toHaveLength(1);
  });

  it('raises an incident after the retries when the channel does not exist', async () => {
    // given
    const instance = await api.start('builtin_workers_bad_channel');

    // when: the first attempt and three retries, each after its backoff
    for (const wait of [10_000, MINUTE, 5 * MINUTE, 0]) {
      await workers.runOnce();
      clock.advance(wait + 1000);
    }

    // then
    const incidents = await request(t.http)
      .get('/engine-rest/incident')
      .query({ processInstanceId: instance.id })
      .expect(200);
    expect(incidents.body).toMatchObject([
      {
        incidentType: 'failedExternalTask',
        activityId: 'faxClient',
        incidentMessage:
          "conveyor.notification cannot send over channel 'fax': use email, sms or in-app",
      },
    ]);
    const [task] = (
      await request(t.http)
        .get('/engine-rest/external-task')
        .query({ processInstanceId: instance.id })
        .expect(200)
    ).body as { retries: number }[];
    expect(task.retries).toBe(0);
    expect(await log(instance.id)).toEqual([]);
  });
});
