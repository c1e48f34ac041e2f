import request from 'supertest';
import { bool, date, long, str } from '../elements/elements-rest.js';
import { TestSmtpServer } from '../support/notification-receivers.js';
import { PROCESSES_DIR, startTestApp, type TestApp } from '../support/test-app.js';
import {
  CustomerServiceSteps,
  expectAbout,
  NEGATIVE_FEEDBACK,
  PAYMENT_RECEIVED,
  PROCESS_KEY,
} from './customer-service.steps.js';
import { camundaDate, DAY, HOUR, MINUTE, mskAfter, SECOND } from './process-steps.js';

/**
 * «Обслуживание клиента» (processes/customer-service.bpmn), walked through the REST API on the
 * definition the service deployed from processes/ at start. Every test anchors the clock on a
 * Monday 10:00 Moscow time, so the business-calendar due dates are known instants.
 */
describe('process «Обслуживание клиента»', () => {
  let t: TestApp;
  let s: CustomerServiceSteps;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({
      CONVEYOR_PROCESSES_DIR: PROCESSES_DIR,
      CONVEYOR_JOB_EXECUTOR: 'true',
      CONVEYOR_JOB_POLL_MS: '600000',
      CONVEYOR_CALENDAR_TIME_ZONE: 'Europe/Moscow',
      CONVEYOR_BUILTIN_WORKERS: 'true',
      CONVEYOR_BUILTIN_WORKERS_POLL_MS: '600000',
      CONVEYOR_SMTP_URL: smtp.url,
      CONVEYOR_MAIL_FROM: 'Компания N <sales@company-n.test>',
    });
    s = new CustomerServiceSteps(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Completion must fail with a 400 naming every field, leaving the task and variables as they were. */
  async function expectRejected(
    instanceId: string,
    key: string,
    variables: Record<string, unknown>,
    fields: string[],
  ): Promise<string> {
    const task = await s.open(instanceId, key);
    return s.expectRejected(instanceId, task.id, variables, fields);
  }

  /** A new client answered on time, measured on the first try, up to the meeting in the office. */
  async function walkToMeeting(businessKey: string): Promise<string> {
    const id = await s.startCall(businessKey);
    await s.complete(id, 'answerCall', {}, 'dmitry');
    await s.introduce(id, 'dmitry', true);
    await s.clientCard(id, 'fillClientCard');
    await s.consult(id, true);
    await s.createWorkCard(id, 'sergey', new Date(s.clock.now().getTime() + 2 * HOUR));
    await s.measure(id, 'sergey');
    await s.review(id, 'done');
    await s.prepareOffer(id);
    await s.meet(id);
    return id;
  }

  it('is deployed from processes/ at start, named as the document names it, with a diagram', async () => {
    const definition = (
      await request(t.http).get(`/engine-rest/process-definition/key/${PROCESS_KEY}`).expect(200)
    ).body;
    expect(definition).toMatchObject({ key: PROCESS_KEY, name: 'Обслуживание клиента' });
    const xml = (
      await request(t.http)
        .get(`/engine-rest/process-definition/key/${PROCESS_KEY}/xml`)
        .expect(200)
    ).body.bpmn20Xml as string;
    expect(xml).toContain('<bpmndi:BPMNDiagram');
    expect(xml).toContain('camunda:historyTimeToLive="180"');
  });

  it('new client: measurements rejected then accepted, offer accepted, invoice e-mailed, a payment call after 2 days, production, handover, feedback 15 days later', async () => {
    const monday = s.toNextMonday();
    const id = await s.startCall('cs-accepted');

    // 1. the on-duty manager answers before the third ring (15 s)
    const answer = await s.soleTask(id, 'answerCall');
    expect(answer).toMatchObject({ assignee: 'dmitry', priority: 100 });
    const [ringTimer] = await s.timers(id);
    expectAbout(ringTimer.dueDate, monday.getTime() + 15 * SECOND);
    await s.api.completeOk(answer.id);
    expect(await s.timers(id)).toEqual([]);
    expect(await s.api.variables(id)).toMatchObject({
      manager: { value: 'dmitry', type: 'String' },
      callForwarded: { value: false, type: 'Boolean' },
    });

    // 2–3. the manager introduces themself; a new client: the client card
    await s.introduce(id, 'dmitry', true);
    await s.soleTask(id, 'fillClientCard');
    await s.clientCard(id, 'fillClientCard');
    expect(await s.api.variables(id)).toMatchObject({
      clientName: { value: 'Анна Петрова', type: 'String' },
      newClient: { value: true, type: 'Boolean' },
      clientPhone: { value: '+7 916 123-45-67', type: 'String' },
      clientEmail: { value: 'anna@example.ru', type: 'String' },
      clientAddress: { value: 'Москва, ул. Лесная, 5, кв. 12', type: 'String' },
    });

    // 4. consultation; the client agrees to measurements: the "Работа" card, stage «Замеры»
    await s.consult(id, true);
    const firstMeasurement = mskAfter(monday, 1, '12:00');
    await s.createWorkCard(id, 'sergey', firstMeasurement);
    expect(await s.variable(id, 'workStage')).toBe('Замеры');
    const measuring = await s.soleTask(id, 'performMeasurement');
    expect(measuring.assignee).toBe('sergey');
    expect(Date.parse(measuring.due ?? '')).toBe(firstMeasurement.getTime());
    expect(await s.candidateGroups(measuring.id)).toEqual(['measurers']);

    // 5. results rejected («отклонено»): a reason and new measurements by another measurer
    await s.advance(DAY); // Tuesday 10:00
    await s.measure(id, 'sergey');
    await s.review(id, 'rejected');
    expect(await s.api.variables(id)).toMatchObject({
      measurementStatus: { value: 'rejected', type: 'String' },
      measurementsReceivedAt: { type: 'Date' },
    });
    const secondMeasurement = mskAfter(monday, 2, '13:00');
    await s.complete(id, 'scheduleNewMeasurement', {
      measurementRejectionReason: str('Не замерены выводы газа'),
      measurer: str('pavel'),
      measurementDate: date(camundaDate(secondMeasurement)),
    });
    expect(await s.variable(id, 'measurementRejectionReason')).toBe('Не замерены выводы газа');
    const remeasuring = await s.soleTask(id, 'performMeasurement');
    expect(remeasuring.assignee).toBe('pavel');
    expect(Date.parse(remeasuring.due ?? '')).toBe(secondMeasurement.getTime());
    await s.measure(id, 'pavel');
    // … then accepted («выполнено»)
    await s.review(id, 'done');
    expect(await s.variable(id, 'measurementStatus')).toBe('done');

    // 5. «Разработка дизайна» and the offer within the working day: Tuesday 18:00 Moscow
    const offer = await s.soleTask(id, 'prepareOffer');
    expect(offer.assignee).toBe('dmitry');
    expect(Date.parse(offer.due ?? '')).toBe(mskAfter(monday, 1, '18:00').getTime());
    await s.prepareOffer(id);
    expect(await s.variable(id, 'workStage')).toBe('Разработка дизайна');

    // 6. the meeting in the office; 7. the client has a week (5 working days) to answer
    await s.meet(id);
    const decision = await s.soleTask(id, 'registerClientDecision');
    expectAbout(decision.due, mskAfter(monday, 8, '10:00').getTime());
    const [weekTimer] = await s.timers(id);
    expect(weekTimer.dueDate).toBe(decision.due);
    expect(await s.api.variables(id)).toMatchObject({
      offerNumber: { value: 'КП-17', type: 'String' },
      offerAmount: { value: 480_000, type: 'Long' },
      materialsHandedOver: { value: true, type: 'Boolean' },
      offerSaved: { value: true, type: 'Boolean' },
    });

    // 9. the client agrees on Friday: the order goes to accounting for the invoice
    await s.advance(3 * DAY);
    await s.complete(id, 'registerClientDecision', { clientDecision: str('accepted') });
    expect(await s.timers(id)).toEqual([]);
    await s.complete(id, 'requestInvoice', {
      orderNumber: str('З-2031-005'),
      clientRequisites: str('Петрова Анна Сергеевна, паспорт 4510 123456'),
    });
    const issue = await s.soleTask(id, 'issueInvoice');
    expect(issue.name).toBe('Выставить счет по заказу З-2031-005');
    expect(issue.assignee).toBeNull();
    expect(await s.candidateGroups(issue.id)).toEqual(['accounting']);
    expect(Date.parse(issue.due ?? '')).toBe(mskAfter(monday, 4, '18:00').getTime());
    await expectRejected(id, 'issueInvoice', { invoiceAmount: str('480 000 руб.') }, [
      'invoiceNumber',
      'invoiceAmount',
    ]);
    await s.api.completeOk(issue.id, {
      invoiceNumber: str('СЧ-301'),
      invoiceAmount: long(480_000),
    });

    // … and the invoice is e-mailed to the client (the built-in notification worker sends it)
    await s.runBuiltInWorkers();
    const [mail] = await s.notificationLog(id);
    expect(mail).toMatchObject({
      channel: 'email',
      recipient: 'anna@example.ru',
      subject: 'Счет № СЧ-301 по заказу З-2031-005',
      status: 'sent',
    });
    expect(mail.text).toBe(
      'Здравствуйте, Анна Петрова! Направляем счет № СЧ-301 на сумму 480000 ₽ по заказу З-2031-005. Ваш менеджер: dmitry.',
    );
    expect(smtp.mails.filter((m) => m.to.includes('anna@example.ru'))).toHaveLength(1);

    // 10. payment control: no payment after 2 days → a call task (Sunday → due Monday 18:00)
    const [paymentTimer] = await s.timers(id);
    expectAbout(paymentTimer.dueDate, mskAfter(monday, 6, '10:00').getTime());
    await s.advance(2 * DAY - MINUTE);
    expect(await s.api.instanceTasks(id)).toEqual([]);
    await s.advance(2 * MINUTE);
    const call = await s.soleTask(id, 'callAboutPayment');
    expect(call).toMatchObject({
      name: 'Позвонить клиенту и уточнить про оплату счета СЧ-301',
      assignee: 'dmitry',
      priority: 80,
    });
    expect(Date.parse(call.due ?? '')).toBe(mskAfter(monday, 7, '18:00').getTime());
    await s.api.completeOk(call.id, { paymentCallResult: str('Оплатит завтра') });

    // 11. accounting reports the payment: stage «Производство», handed over to production
    const paid = await s.correlateInstance(id, PAYMENT_RECEIVED, { paidAmount: long(480_000) });
    expect(paid.status).toBe(204);
    const [order] = await s.fetch('production.order', 'cs-accepted');
    expect(order.activityId).toBe('transferToProduction');
    expect(order.variables).toMatchObject({
      orderNumber: { value: 'З-2031-005' },
      measurementResults: { value: 'Стена 3200 мм, окно 1400 мм, выводы воды справа' },
      clientAddress: { value: 'Москва, ул. Лесная, 5, кв. 12' },
    });
    await s.completeExternal(order.id);
    expect(await s.variable(id, 'workStage')).toBe('Производство');

    // 13. the work is handed over; 15 days later a task to take the client's feedback
    await s.advance(10 * DAY);
    const handedOverAt = s.clock.now().getTime();
    await s.complete(
      id,
      'handOverWork',
      { handoverDate: date(camundaDate(s.clock.now())), handoverActSigned: bool(true) },
      'dmitry',
    );
    expect(await s.variable(id, 'workStage')).toBe('Работы сданы');
    const [fifteenDays] = await s.timers(id);
    expectAbout(fifteenDays.dueDate, handedOverAt + 15 * DAY);
    await s.advance(15 * DAY - MINUTE);
    expect(await s.api.instanceTasks(id)).toEqual([]);
    await s.advance(2 * MINUTE);
    const feedback = await s.soleTask(id, 'collectFeedback');
    expect(feedback.assignee).toBe('dmitry');
    await s.api.completeOk(feedback.id, {
      feedbackRating: long(5),
      feedbackText: str('Кухня отличная, фасады не царапаются'),
    });

    await s.api.expectEnded(id);
    expect((await s.api.historicInstance(id)).state).toBe('COMPLETED');
    const path = await s.api.path(id);
    expect(path.filter((a) => a === 'performMeasurement')).toHaveLength(2);
    for (const step of [
      'answerCall',
      'fillClientCard',
      'createWorkCard',
      'scheduleNewMeasurement',
      'prepareOffer',
      'meetClientInOffice',
      'issueInvoice',
      'sendInvoice',
      'twoDaysWithoutPayment',
      'callAboutPayment',
      'transferToProduction',
      'fifteenDaysAfterHandover',
      'collectFeedback',
      'clientServed',
      'serviceFinished',
    ])
      expect(path).toContain(step);
    for (const skipped of ['answerForwardedCall', 'openClientCard', 'callClientForDecision'])
      expect(path).not.toContain(skipped);
    expect(await s.historicVariables(id)).toMatchObject({
      workStage: 'Работы сданы',
      invoiceNumber: 'СЧ-301',
      paidAmount: 480_000,
      paymentCallResult: 'Оплатит завтра',
      feedbackRating: 5,
      feedbackText: 'Кухня отличная, фасады не царапаются',
    });
  });

  it('a call not answered by the third ring goes to the next manager; a returning client who only wants a price list', async () => {
    const monday = s.toNextMonday();
    const id = await s.startCall('cs-forwarded', 'dmitry', 'olga');
    await s.soleTask(id, 'answerCall');

    await s.advance(14 * SECOND);
    await s.soleTask(id, 'answerCall');
    await s.advance(2 * SECOND);
    const forwarded = await s.soleTask(id, 'answerForwardedCall');
    expect(forwarded).toMatchObject({ assignee: 'olga', priority: 100 });
    expect(await s.candidateGroups(forwarded.id)).toEqual(['sales']);
    const missed = (await s.api.history(id)).find((a) => a.activityId === 'answerCall');
    expect(missed).toMatchObject({ canceled: true, assignee: 'dmitry' });
    expectAbout(missed?.endTime, monday.getTime() + 15 * SECOND);

    await s.api.completeOk(forwarded.id);
    expect(await s.api.variables(id)).toMatchObject({
      manager: { value: 'olga' },
      callForwarded: { value: true },
    });
    await s.introduce(id, 'olga', false);
    await s.soleTask(id, 'openClientCard');
    await s.clientCard(id, 'openClientCard');
    const consult = await s.soleTask(id, 'consultClient');
    expect(consult.assignee).toBe('olga');
    await s.consult(id, false);

    await s.api.expectEnded(id);
    expect(await s.api.path(id)).toEqual([
      'incomingCall',
      'answerCall',
      'callNotAnswered',
      'answerForwardedCall',
      'callAnswered',
      'clientWork',
      'clientWorkStarted',
      'introduceYourself',
      'isNewClient',
      'openClientCard',
      'clientCardReady',
      'consultClient',
      'measurementAgreedGateway',
      'agreementsRecorded',
      'serviceFinished',
    ]);
    expect(await s.historicVariables(id)).toMatchObject({
      newClient: false,
      measurementAgreed: false,
      agreements: 'Отправить прайс-лист',
    });
  });

  it('no answer within a week: the manager calls, the client needs more time, a new date, no answer again, a call, a refusal with a reason', async () => {
    const monday = s.toNextMonday();
    const id = await walkToMeeting('cs-refused');
    const nextMonday = mskAfter(monday, 7, '10:00').getTime();
    expectAbout((await s.soleTask(id, 'registerClientDecision')).due, nextMonday);

    // 7. a week without an answer → the manager must call and learn the decision
    await s.advance(7 * DAY - MINUTE);
    await s.soleTask(id, 'registerClientDecision');
    await s.advance(2 * MINUTE);
    const call = await s.soleTask(id, 'callClientForDecision');
    expect(call).toMatchObject({ assignee: 'dmitry', priority: 80 });
    expect(Date.parse(call.due ?? '')).toBe(mskAfter(monday, 7, '18:00').getTime());
    await s.api.completeOk(call.id, { clientDecision: str('moreTime') });

    // … the client needs more time: a new date in the program (Thursday 12:00)
    await expectRejected(id, 'planNewDecisionDate', {}, ['newDecisionDate']);
    const newDate = mskAfter(monday, 10, '12:00');
    await s.complete(id, 'planNewDecisionDate', { newDecisionDate: date(camundaDate(newDate)) });
    const waiting = await s.soleTask(id, 'registerClientDecision');
    expect(Date.parse(waiting.due ?? '')).toBe(newDate.getTime());
    const [newDateTimer] = await s.timers(id);
    expect(Date.parse(newDateTimer.dueDate ?? '')).toBe(newDate.getTime());
    expect(await s.api.variables(id)).toMatchObject({
      decisionDueDate: { type: 'Date' },
      clientDecision: { value: null },
      newDecisionDate: { value: null },
    });

    // … no answer by the new date either: another call; the client refuses
    s.clock.advance(newDate.getTime() - s.clock.now().getTime() - MINUTE);
    await s.advance(0);
    await s.soleTask(id, 'registerClientDecision');
    await s.advance(2 * MINUTE);
    await s.soleTask(id, 'callClientForDecision');
    await expectRejected(id, 'callClientForDecision', {}, ['clientDecision']);
    await expectRejected(id, 'callClientForDecision', { clientDecision: str('подумает') }, [
      'clientDecision',
    ]);
    await s.complete(id, 'callClientForDecision', { clientDecision: str('refused') }, 'dmitry');

    // 8. the reason from the list and a comment; the card goes into «отказ»
    await expectRejected(id, 'recordRefusal', { refusalReason: str('дорого') }, [
      'refusalReason',
      'refusalComment',
    ]);
    await s.complete(id, 'recordRefusal', {
      refusalReason: str('price'),
      refusalComment: str('Нашли дешевле у конкурента, вернутся весной'),
    });

    await s.api.expectEnded(id);
    const path = await s.api.path(id);
    expect(path.filter((a) => a === 'callClientForDecision')).toHaveLength(2);
    expect(path.filter((a) => a === 'noAnswerInTime')).toHaveLength(2);
    expect(path.filter((a) => a === 'planNewDecisionDate')).toHaveLength(1);
    expect(path.slice(path.indexOf('recordRefusal'))).toEqual([
      'recordRefusal',
      'clientRefused',
      'serviceFinished',
    ]);
    expect(path).not.toContain('requestInvoice');
    expect(await s.historicVariables(id)).toMatchObject({
      clientDecision: 'refused',
      refusalReason: 'price',
      refusalComment: 'Нашли дешевле у конкурента, вернутся весной',
      clientCardMode: 'отказ',
    });
  });

  it('negative feedback is recorded at once, at whatever stage it arrives, without stopping the work', async () => {
    s.toNextMonday();
    const id = await s.startCall('cs-negative');
    // before the call is answered there is no client work to attach feedback to
    expect((await s.correlateInstance(id, NEGATIVE_FEEDBACK)).status).toBe(400);
    await s.complete(id, 'answerCall', {});
    await s.introduce(id, 'dmitry', true);
    await s.clientCard(id, 'fillClientCard');
    await s.consult(id, true);
    await s.createWorkCard(id, 'sergey', new Date(s.clock.now().getTime() + DAY));

    // during the measurements: a complaint arrives by phone (no text yet)
    expect((await s.correlateInstance(id, NEGATIVE_FEEDBACK)).status).toBe(204);
    await s.api.expectTasks(id, ['performMeasurement', 'recordNegativeFeedback']);
    const record = await s.open(id, 'recordNegativeFeedback');
    expect(record).toMatchObject({ assignee: 'dmitry', priority: 100 });
    expectAbout(record.due, s.clock.now().getTime() - 5 * SECOND);
    await expectRejected(id, 'recordNegativeFeedback', {}, ['negativeFeedback']);
    await s.api.completeOk(record.id, {
      negativeFeedback: str('Замерщик опоздал на два часа'),
    });
    await s.measure(id, 'sergey');

    // during the review of the results: a complaint with its text (e.g. from the website)
    const res = await s.correlateInstance(id, NEGATIVE_FEEDBACK, {
      negativeFeedback: str('Не перезвонили после замеров'),
    });
    expect(res.status).toBe(204);
    await s.api.expectTasks(id, ['reviewMeasurements', 'recordNegativeFeedback']);
    const second = await s.open(id, 'recordNegativeFeedback');
    const form = await request(t.http)
      .get(`/engine-rest/task/${second.id}/form-variables`)
      .expect(200);
    expect(form.body.negativeFeedback).toMatchObject({ value: 'Не перезвонили после замеров' });
    await s.api.completeOk(second.id);
    await s.review(id, 'done');
    await s.soleTask(id, 'prepareOffer');
    const path = await s.api.path(id);
    expect(path.filter((a) => a === 'negativeFeedbackReceived')).toHaveLength(2);
    expect(path.filter((a) => a === 'negativeFeedbackRecorded')).toHaveLength(2);
  });

  it('refuses forms with a missing required field, a wrong type, a value off the list or out of range', async () => {
    s.toNextMonday();
    const id = await s.startCall('cs-forms');
    await s.complete(id, 'answerCall', {});

    await expectRejected(id, 'introduceYourself', {}, ['clientName', 'newClient']);
    await expectRejected(id, 'introduceYourself', { clientName: str('А'), newClient: str('да') }, [
      'clientName',
      'newClient',
    ]);
    await s.introduce(id, 'dmitry', true);

    await expectRejected(
      id,
      'fillClientCard',
      { clientPhone: str('12'), clientAddress: str('Москва, ул. Лесная, 5') },
      ['clientPhone', 'clientEmail'],
    );
    await s.clientCard(id, 'fillClientCard');

    await expectRejected(
      id,
      'consultClient',
      { agreements: str('Замеры в среду'), measurementAgreed: str('может быть') },
      ['measurementAgreed'],
    );
    await s.consult(id, true);

    await expectRejected(id, 'createWorkCard', { measurementDate: str('31.02.2031 10:00') }, [
      'measurer',
      'measurementDate',
    ]);
    await s.complete(id, 'createWorkCard', {
      measurer: str('sergey'),
      measurementDate: str('12.03.2031 10:00'),
    });
    expect(await s.variable(id, 'measurementDate')).toBe('2031-03-12T10:00:00.000+0000');

    await expectRejected(id, 'performMeasurement', {}, ['measurementResults']);
    await s.measure(id, 'sergey');
    await expectRejected(id, 'reviewMeasurements', { measurementStatus: str('принято') }, [
      'measurementsReceivedAt',
      'measurementStatus',
    ]);
    await s.review(id, 'rejected');

    // the new round asks for its own reason; measurer and date may stay as they were
    const message = await expectRejected(id, 'scheduleNewMeasurement', {}, [
      'measurementRejectionReason',
    ]);
    expect(message).not.toContain("'measurer'");
    await s.complete(id, 'scheduleNewMeasurement', {
      measurementRejectionReason: str('Нет размеров ниши'),
    });
    await s.measure(id, 'sergey');
    // … and a fresh verdict: the previous round's «отклонено» does not count
    await expectRejected(id, 'reviewMeasurements', {}, [
      'measurementsReceivedAt',
      'measurementStatus',
    ]);
    await s.review(id, 'done');

    await expectRejected(id, 'prepareOffer', { offerNumber: str('КП-1'), offerAmount: long(0) }, [
      'offerAmount',
    ]);
    await expectRejected(
      id,
      'prepareOffer',
      { offerNumber: str('КП-1'), offerAmount: str('полмиллиона') },
      ['offerAmount'],
    );
    await s.prepareOffer(id);
    await expectRejected(
      id,
      'meetClientInOffice',
      { meetingDate: str('вчера'), materialsHandedOver: bool(true) },
      ['meetingDate', 'offerSaved'],
    );
    await s.meet(id);
    await expectRejected(id, 'registerClientDecision', { clientDecision: str('yes') }, [
      'clientDecision',
    ]);
    await s.complete(id, 'registerClientDecision', { clientDecision: str('accepted') });

    await expectRejected(
      id,
      'requestInvoice',
      { orderNumber: str('З-7'), clientRequisites: str('ИНН') },
      ['clientRequisites'],
    );
    await s.complete(id, 'requestInvoice', {
      orderNumber: str('З-7'),
      clientRequisites: str('Петрова Анна Сергеевна, паспорт 4510 123456'),
    });
    await expectRejected(
      id,
      'issueInvoice',
      { invoiceNumber: str('СЧ-7'), invoiceAmount: long(0) },
      ['invoiceAmount'],
    );
    await s.complete(id, 'issueInvoice', {
      invoiceNumber: str('СЧ-7'),
      invoiceAmount: long(90_000),
    });
    await s.runBuiltInWorkers();

    // paid the next day: no payment call is due any more
    await s.advance(DAY);
    expect((await s.correlateInstance(id, PAYMENT_RECEIVED)).status).toBe(204);
    expect(await s.timers(id)).toEqual([]);
    const [order] = await s.fetch('production.order', 'cs-forms');
    await s.completeExternal(order.id);
    await s.advance(2 * DAY);
    await s.soleTask(id, 'handOverWork');
    expect(await s.api.path(id)).not.toContain('callAboutPayment');

    await expectRejected(
      id,
      'handOverWork',
      { handoverDate: str('2031-13-01'), handoverActSigned: long(1) },
      ['handoverDate', 'handoverActSigned'],
    );
    await s.complete(id, 'handOverWork', {
      handoverDate: str('14.03.2031'),
      handoverActSigned: bool(true),
    });
    expect(await s.variable(id, 'handoverDate')).toBe('2031-03-14T00:00:00.000+0000');
    await s.advance(15 * DAY + MINUTE);
    await expectRejected(id, 'collectFeedback', { feedbackRating: long(6) }, [
      'feedbackRating',
      'feedbackText',
    ]);
    await expectRejected(
      id,
      'collectFeedback',
      { feedbackRating: str('отлично'), feedbackText: str('Всё хорошо') },
      ['feedbackRating'],
    );
    await s.complete(id, 'collectFeedback', {
      feedbackRating: str('4'),
      feedbackText: str('Всё хорошо, но монтаж затянулся'),
    });
    await s.api.expectEnded(id);
    expect(await s.historicVariables(id)).toMatchObject({ feedbackRating: 4 });
  });
});
