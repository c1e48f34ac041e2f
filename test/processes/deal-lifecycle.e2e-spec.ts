import request from 'supertest';
import { long, str } from '../elements/elements-rest.js';
import { PROCESSES_DIR, startTestApp, type TestApp } from '../support/test-app.js';
import {
  CLIENT_REFUSAL,
  DEAL,
  DealSteps,
  MANAGER,
  TERMS_CHANGE,
  type ContractTerms,
} from './deal-lifecycle.steps.js';
import { DAY, expectAt, mskAfter, ruDate, SECOND } from './process-steps.js';

/**
 * «Сделка» (processes/deal-lifecycle.bpmn) through the REST API: every stage of the document,
 * refusal at several stages, a change of terms mid-deal, every reminder by moving the clock, the
 * client notifications as the notification worker sees them, and the forms' validation.
 * Every test starts a week later on Monday 10:00 Moscow time (A) with its own instance.
 */
describe('«Сделка» (deal-lifecycle)', () => {
  let t: TestApp;
  let steps: DealSteps;

  beforeAll(async () => {
    t = await startTestApp({
      CONVEYOR_PROCESSES_DIR: PROCESSES_DIR,
      CONVEYOR_JOB_EXECUTOR: 'true',
      CONVEYOR_JOB_POLL_MS: '600000',
      CONVEYOR_CALENDAR_TIME_ZONE: 'Europe/Moscow',
    });
    steps = new DealSteps(t);
  });
  afterAll(() => t.close());

  /** Production order, delivery on Friday of the next week. */
  const termsFrom = (anchor: Date, route: ContractTerms['orderRoute']): ContractTerms => ({
    orderAmount: 250_000,
    prepaymentAmount: 100_000,
    deliveryDate: ruDate(new Date(anchor.getTime() + 11 * DAY)),
    orderRoute: route,
  });

  it('walks every stage: contract, invoice, prepayment, production order, shipping notice, final payment, survey, review request', async () => {
    const a = steps.toNextMonday();
    const terms = termsFrom(a, 'production');
    const id = await steps.startDeal('deal-happy');

    // Подписание договора: the manager's task, due in 2 working days, with a reminder timer
    const contract = await steps.soleTask(id, 'signContract');
    expect(contract).toMatchObject({ name: 'Подписание договора', assignee: MANAGER });
    expect(contract.description).toContain('Анна Петрова (+7 916 123-45-67)');
    expectAt(contract.due, mskAfter(a, 2, '18:00'));
    const [contractTimer] = await steps.timers(id);
    expect(contractTimer.activityId).toBe('contractOverdue');
    expectAt(contractTimer.dueDate, mskAfter(a, 2, '18:00'));

    const required = ['contractNumber', 'contractDate', 'orderAmount', 'prepaymentAmount'];
    await steps.expectRejected(id, contract.id, {}, [...required, 'deliveryDate', 'orderRoute']);
    const message = await steps.expectRejected(
      id,
      contract.id,
      {
        contractNumber: str('Д-2030/117'),
        contractDate: str('31.02.2030'),
        orderAmount: str('двести тысяч'),
        prepaymentAmount: long(0),
        deliveryDate: str(terms.deliveryDate),
        orderRoute: str('pickup'),
      },
      ['contractDate', 'orderAmount', 'prepaymentAmount', 'orderRoute'],
      ['contractNumber', 'deliveryDate'],
    );
    expect(message).toContain('dd.MM.yyyy');
    expect(message).toContain('accounting, production');
    await steps.signContract(id, terms);
    expect(await steps.timers(id)).toEqual([]);

    // Выставление счета: due today
    const invoice = await steps.soleTask(id, 'issueInvoice');
    expectAt(invoice.due, mskAfter(a, 0, '18:00'));
    await steps.expectRejected(id, invoice.id, { invoiceAmount: long(0) }, [
      'invoiceNumber',
      'invoiceAmount',
    ]);
    await steps.issueInvoice(id, 100_000);

    // Получение предоплаты: due in 3 working days, the reminder timer with it; paid on Tuesday
    const prepayment = await steps.soleTask(id, 'receivePrepayment');
    expectAt(prepayment.due, mskAfter(a, 3, '10:00'));
    const [prepaymentTimer] = await steps.timers(id);
    expect(prepaymentTimer.activityId).toBe('prepaymentOverdue');
    expectAt(prepaymentTimer.dueDate, mskAfter(a, 3, '10:00'));
    await steps.runJobsAt(mskAfter(a, 1, '12:00'));
    await steps.expectRejected(id, prepayment.id, { prepaymentDate: str('вчера') }, [
      'prepaymentReceived',
      'prepaymentDate',
    ]);
    await steps.receivePrepayment(id, 100_000);

    // Отправка заказа на производство: the production worker, never the accounting one
    expect(await steps.fetch('accounting.order', 'deal-happy')).toEqual([]);
    const order = await steps.work('production.order', 'deal-happy', {
      productionOrderId: str('ПР-77'),
    });
    expect(order.variables).toMatchObject({
      contractNumber: { value: 'Д-2030/117' },
      orderAmount: { value: 250_000 },
      orderRoute: { value: 'production' },
    });

    // Отгрузка / выполнение заказа: due at the end of the planned delivery day
    const fulfil = await steps.soleTask(id, 'fulfilOrder');
    expectAt(fulfil.due, mskAfter(a, 11, '18:00'));
    await steps.expectRejected(id, fulfil.id, { fulfilmentDate: str('2030-13-01') }, [
      'fulfilmentDate',
      'shippingDocument',
    ]);
    await steps.fulfilOrder(id);
    const shipped = await steps.notification('deal-happy', 'notifyShipment');
    expect(shipped).toMatchObject({
      channel: 'email',
      to: 'anna@example.ru',
      subject: 'Ваш заказ по договору № Д-2030/117 отгружен',
    });
    expect(shipped.text).toContain('Здравствуйте, Анна Петрова!');
    expect(shipped.text).toContain('документ № ТН-889');
    expect(shipped.text).toContain('Остаток оплаты: 150000 ₽');

    // Оплата по факту, подписание документов: due in 5 working days
    const finalPayment = await steps.soleTask(id, 'receiveFinalPayment');
    expectAt(finalPayment.due, mskAfter(a, 8, '12:00'));
    await steps.expectRejected(
      id,
      finalPayment.id,
      { finalPaymentReceived: long(150_000), closingDocuments: str('АК') },
      ['finalPaymentDate', 'closingDocuments'],
      ['finalPaymentReceived'],
    );
    await steps.receiveFinalPayment(id, 150_000);

    // Завершение сделки: the survey goes out, the manager records the answer, a review is asked
    const survey = await steps.notification('deal-happy', 'sendSurvey');
    expect(survey).toMatchObject({ channel: 'email', to: 'anna@example.ru' });
    expect(survey.subject).toBe('Анкета покупателя');
    expect(survey.text).toContain('от 1 до 5');
    const completion = await steps.soleTask(id, 'completeDeal');
    expectAt(completion.due, mskAfter(a, 4, '18:00'));
    expect((await steps.correlate(CLIENT_REFUSAL, 'deal-happy')).status).toBe(400);
    await steps.expectRejected(id, completion.id, { surveyScore: long(7) }, [
      'surveyResult',
      'surveyScore',
    ]);
    await steps.complete(id, 'completeDeal', {
      surveyResult: str('answered'),
      surveyScore: long(5),
      surveyComment: str('Всё понравилось, монтаж аккуратный'),
    });
    const review = await steps.notification('deal-happy', 'requestReview');
    expect(review).toMatchObject({ channel: 'email', to: 'anna@example.ru' });
    expect(review.text).toContain('оставите отзыв');

    await steps.expectEnded(id, 'dealWon');
    expect(await steps.api.path(id)).toEqual([
      'dealCreated',
      'dealStages',
      'stagesStarted',
      'signContract',
      'issueInvoice',
      'awaitPrepayment',
      'receivePrepayment',
      'chooseOrderRoute',
      'sendOrderToProduction',
      'orderSent',
      'fulfilOrder',
      'notifyShipment',
      'awaitFinalPayment',
      'receiveFinalPayment',
      'stagesDone',
      'sendSurvey',
      'completeDeal',
      'requestReview',
      'dealWon',
    ]);
    // the lead's variables were carried along; every stage's form left its record
    expect(await steps.historicVariables(id)).toMatchObject({
      manager: MANAGER,
      leadSource: 'kitchen-lead',
      contractNumber: 'Д-2030/117',
      orderAmount: 250_000,
      invoiceNumber: 'СЧ-5501',
      prepaymentReceived: 100_000,
      productionOrderId: 'ПР-77',
      shippingDocument: 'ТН-889',
      finalPaymentReceived: 150_000,
      closingDocuments: 'Акт № 889, ТН-889',
      surveyResult: 'answered',
      surveyScore: 5,
    });
  });

  it('reminds by timers: contract deadline in-app, prepayment overdue twice, final payment overdue; accounting route; SMS to a client without e-mail', async () => {
    const a = steps.toNextMonday();
    const terms = termsFrom(a, 'accounting');
    const id = await steps.startDeal('deal-reminders', false);
    const contract = await steps.soleTask(id, 'signContract');

    // the contract is not signed by Wednesday 18:00: the manager gets an in-app reminder
    await steps.runJobsAt(mskAfter(a, 2, '17:59'));
    await steps.expectNoNotification('deal-reminders');
    await steps.runJobsAt(new Date(mskAfter(a, 2, '18:00').getTime() + SECOND));
    expect(await steps.notification('deal-reminders', 'remindContract')).toEqual({
      channel: 'in-app',
      to: MANAGER,
      toGroup: null,
      subject: 'Договор не подписан: Анна Петрова',
      text: 'Срок подписания договора с клиентом Анна Петрова истек. Свяжитесь с клиентом по телефону +7 916 123-45-67.',
    });
    expect((await steps.soleTask(id, 'signContract')).id).toBe(contract.id);
    expect(await steps.timers(id)).toEqual([]);

    // Thursday: contract and invoice; the prepayment is due Tuesday 10:00 (3 working days)
    await steps.runJobsAt(mskAfter(a, 3, '10:00'));
    await steps.signContract(id, terms);
    await steps.issueInvoice(id, 100_000);
    expectAt((await steps.soleTask(id, 'receivePrepayment')).due, mskAfter(a, 8, '10:00'));
    await steps.runJobsAt(mskAfter(a, 8, '09:59'));
    await steps.soleTask(id, 'receivePrepayment');

    // no prepayment by Tuesday 10:00: a reminder task replaces the wait, then the wait starts over
    await steps.runJobsAt(mskAfter(a, 8, '10:01'));
    const reminder = await steps.soleTask(id, 'remindPrepayment');
    expect(reminder).toMatchObject({
      name: 'Напомнить клиенту о предоплате',
      assignee: MANAGER,
    });
    expect(reminder.description).toContain('счету № СЧ-5501 не поступила за 3 рабочих дня');
    expectAt(reminder.due, mskAfter(a, 8, '18:00'));
    expect(await steps.timers(id)).toEqual([]);
    await steps.complete(id, 'remindPrepayment', {
      prepaymentReminderNote: str('Оплатит в пятницу'),
    });
    expectAt((await steps.soleTask(id, 'receivePrepayment')).due, mskAfter(a, 11, '10:01'));

    // still nothing on Friday: a second reminder, then the prepayment arrives
    await steps.runJobsAt(mskAfter(a, 11, '10:02'));
    await steps.complete(id, 'remindPrepayment', {}, MANAGER);
    await steps.receivePrepayment(id, 100_000);
    expect(await steps.count(id, 'prepaymentOverdue')).toBe(2);
    expect(await steps.count(id, 'remindPrepayment')).toBe(2);
    expect(await steps.count(id, 'receivePrepayment')).toBe(3);
    expect(await steps.variables(id)).toMatchObject({
      prepaymentReminderNote: 'Оплатит в пятницу',
    });

    // accounting route; the shipping notice goes by SMS
    expect(await steps.fetch('production.order', 'deal-reminders')).toEqual([]);
    await steps.work('accounting.order', 'deal-reminders', { accountingOrderId: str('1С-000451') });
    await steps.fulfilOrder(id);
    const shipped = await steps.notification('deal-reminders', 'notifyShipment');
    expect(shipped).toMatchObject({ channel: 'sms', to: '+7 916 123-45-67' });
    expect(shipped.text).toContain('отгружен');

    // the final payment is due in 5 working days; overdue: a reminder, then the wait again
    expectAt((await steps.soleTask(id, 'receiveFinalPayment')).due, mskAfter(a, 18, '10:02'));
    await steps.runJobsAt(mskAfter(a, 18, '10:03'));
    const paymentReminder = await steps.soleTask(id, 'remindFinalPayment');
    expect(paymentReminder.name).toBe('Напомнить клиенту об оплате');
    expectAt(paymentReminder.due, mskAfter(a, 18, '18:00'));
    await steps.complete(id, 'remindFinalPayment', {
      finalPaymentReminderNote: str('Ждёт подписания акта'),
    });
    await steps.receiveFinalPayment(id, 150_000);

    expect(await steps.notification('deal-reminders', 'sendSurvey')).toMatchObject({
      channel: 'sms',
      to: '+7 916 123-45-67',
    });
    await steps.complete(id, 'completeDeal', { surveyResult: str('noAnswer') });
    expect(await steps.notification('deal-reminders', 'requestReview')).toMatchObject({
      channel: 'sms',
      to: '+7 916 123-45-67',
    });
    await steps.expectEnded(id, 'dealWon');
    expect(await steps.count(id, 'finalPaymentOverdue')).toBe(1);
    expect(await steps.count(id, 'sendOrderToAccounting')).toBe(1);
  });

  it("starts from the lead's variables alone, and refuses a start without a manager", async () => {
    steps.toNextMonday();
    const id = await steps.startDeal('deal-start');
    expect(await steps.soleTask(id, 'signContract')).toMatchObject({ assignee: MANAGER });
    expect(await steps.variables(id)).toEqual({
      manager: MANAGER,
      clientName: 'Анна Петрова',
      clientPhone: '+7 916 123-45-67',
      clientEmail: 'anna@example.ru',
      leadSource: 'kitchen-lead',
    });
    await request(t.http).delete(`/engine-rest/process-instance/${id}`).expect(204);

    const withoutManager = await steps.api
      .start(DEAL, {
        businessKey: 'deal-no-manager',
        variables: { clientName: str('Анна Петрова'), clientPhone: str('+7 916 123-45-67') },
      })
      .catch((error: Error) => error.message);
    expect(withoutManager).toContain('start failed: 400');
    expect(withoutManager).toContain('manager');
    expect(await steps.api.instances({ businessKey: 'deal-no-manager' })).toEqual([]);
  });

  it('refusal at the contract stage: «Отказ клиента» with a reason → the head is notified → «Сделка проиграна»', async () => {
    const a = steps.toNextMonday();
    const id = await steps.startDeal('deal-lost-contract');
    const refused = await steps.correlate(CLIENT_REFUSAL, 'deal-lost-contract', {
      lossReason: str('Выбрал конкурента: дешевле на 15%'),
    });
    expect(refused.status).toBe(204);

    const loss = await steps.soleTask(id, 'recordLoss');
    expect(loss).toMatchObject({ name: 'Фиксация причины отказа', assignee: MANAGER });
    expectAt(loss.due, mskAfter(a, 0, '18:00'));
    expect((await steps.formVariables(loss.id)).lossReason.value).toBe(
      'Выбрал конкурента: дешевле на 15%',
    );
    await steps.expectRejected(id, loss.id, { lossReason: str('да') }, ['lossReason']);
    // the contract deadline passes: the cancelled stage reminds nobody
    await steps.runJobsAt(mskAfter(a, 2, '18:01'));
    await steps.expectNoNotification('deal-lost-contract');
    await steps.soleTask(id, 'recordLoss');
    expect(await steps.timers(id)).toEqual([]);
    await steps.complete(id, 'recordLoss', {});

    expect(await steps.notification('deal-lost-contract', 'notifyLoss')).toEqual({
      channel: 'in-app',
      to: null,
      toGroup: 'sales-head',
      subject: 'Сделка проиграна: Анна Петрова',
      text: 'Клиент Анна Петрова отказался от сделки (менеджер ivanov). Причина: Выбрал конкурента: дешевле на 15%',
    });
    await steps.expectEnded(id, 'dealLost');
    const history = await steps.history(id);
    expect(history).toContainEqual({ id: 'signContract', canceled: true });
    expect(history.map((x) => x.id)).not.toContain('issueInvoice');
    expect((await steps.correlate(TERMS_CHANGE, 'deal-lost-contract')).status).toBe(400);
  });

  it('refusal while waiting for the prepayment: the reminder timer goes, the reason is required', async () => {
    const a = steps.toNextMonday();
    const id = await steps.startDeal('deal-lost-prepayment');
    await steps.signContract(id, termsFrom(a, 'production'));
    await steps.issueInvoice(id, 100_000);
    expect((await steps.timers(id)).map((x) => x.activityId)).toEqual(['prepaymentOverdue']);

    expect((await steps.correlate(CLIENT_REFUSAL, 'deal-lost-prepayment')).status).toBe(204);
    const loss = await steps.soleTask(id, 'recordLoss');
    await steps.expectRejected(id, loss.id, {}, ['lossReason']);
    // three working days pass: no prepayment reminder for a lost deal
    await steps.runJobsAt(mskAfter(a, 3, '10:01'));
    expect((await steps.soleTask(id, 'recordLoss')).id).toBe(loss.id);
    expect(await steps.timers(id)).toEqual([]);
    await steps.complete(id, 'recordLoss', { lossReason: str('Нет бюджета до весны') }, MANAGER);
    const notice = await steps.notification('deal-lost-prepayment', 'notifyLoss');
    expect(notice.text).toContain('Причина: Нет бюджета до весны');

    await steps.expectEnded(id, 'dealLost');
    expect(await steps.history(id)).toContainEqual({ id: 'receivePrepayment', canceled: true });
  });

  it('a change of terms mid-deal is agreed without losing the deal: new amount and delivery date, twice, then the deal completes', async () => {
    const a = steps.toNextMonday();
    const terms = termsFrom(a, 'accounting');
    const id = await steps.startDeal('deal-change');
    await steps.signContract(id, terms);
    await steps.issueInvoice(id, 100_000);
    const waiting = await steps.soleTask(id, 'receivePrepayment');

    // the client wants more: the manager re-agrees the terms while the deal stays where it is
    const changed = await steps.correlate(TERMS_CHANGE, 'deal-change', {
      changeRequest: str('Добавить пенал и удлинить столешницу'),
    });
    expect(changed.status).toBe(204);
    const agree = await steps.soleTask(id, 'agreeTermsChange', 'receivePrepayment');
    expect(agree).toMatchObject({ name: 'Согласование изменения условий', assignee: MANAGER });
    expect(agree.description).toContain('Добавить пенал и удлинить столешницу');
    expectAt(agree.due, mskAfter(a, 1, '18:00'));
    expect((await steps.soleTask(id, 'receivePrepayment', 'agreeTermsChange')).id).toBe(waiting.id);
    expect((await steps.timers(id)).map((x) => x.activityId)).toEqual(['prepaymentOverdue']);
    expect(await steps.formVariables(agree.id)).toMatchObject({
      orderAmount: { value: 250_000 },
      changeRequest: { value: 'Добавить пенал и удлинить столешницу' },
    });

    const newDelivery = ruDate(new Date(a.getTime() + 15 * DAY)); // Tuesday in two weeks
    await steps.expectRejected(
      id,
      agree.id,
      { orderAmount: long(0), deliveryDate: str('32.09.2030') },
      ['orderAmount', 'deliveryDate', 'supplementaryAgreement'],
      ['changeRequest'],
    );
    await steps.complete(id, 'agreeTermsChange', {
      orderAmount: long(320_000),
      deliveryDate: str(newDelivery),
      supplementaryAgreement: str('ДС-1'),
    });
    expect((await steps.soleTask(id, 'receivePrepayment')).id).toBe(waiting.id);
    expect(await steps.api.path(id)).toContain('termsAgreed');

    // the deal goes on with the new terms
    await steps.receivePrepayment(id, 100_000);
    await steps.work('accounting.order', 'deal-change');
    expectAt((await steps.soleTask(id, 'fulfilOrder')).due, mskAfter(a, 15, '18:00'));
    await steps.fulfilOrder(id);
    const shipped = await steps.notification('deal-change', 'notifyShipment');
    expect(shipped.text).toContain('Остаток оплаты: 220000 ₽');

    // a second correction at the final payment: a discount
    await steps.correlate(TERMS_CHANGE, 'deal-change', {
      changeRequest: str('Скидка 5% за задержку отгрузки'),
    });
    await steps.soleTask(id, 'agreeTermsChange', 'receiveFinalPayment');
    await steps.complete(id, 'agreeTermsChange', {
      orderAmount: long(304_000),
      supplementaryAgreement: str('ДС-2'),
    });
    await steps.receiveFinalPayment(id, 204_000);
    await steps.notification('deal-change', 'sendSurvey');
    await steps.complete(id, 'completeDeal', {
      surveyResult: str('answered'),
      surveyScore: long(4),
    });
    await steps.notification('deal-change', 'requestReview');

    await steps.expectEnded(id, 'dealWon');
    expect(await steps.historicVariables(id)).toMatchObject({
      orderAmount: 304_000,
      supplementaryAgreement: 'ДС-2',
      changeRequest: 'Скидка 5% за задержку отгрузки',
    });
    expect(await steps.count(id, 'termsChanged')).toBe(2);
    expect(await steps.count(id, 'termsAgreed')).toBe(2);
    expect(await steps.count(id, 'dealLost')).toBe(0);
  });

  it('refusal at the shipping stage while a change is being agreed: the deal is lost and both tasks go', async () => {
    const a = steps.toNextMonday();
    const id = await steps.startDeal('deal-lost-shipping');
    await steps.throughPrepayment(id, termsFrom(a, 'production'));
    await steps.work('production.order', 'deal-lost-shipping');
    await steps.soleTask(id, 'fulfilOrder');

    await steps.correlate(TERMS_CHANGE, 'deal-lost-shipping', {
      changeRequest: str('Перенести отгрузку на месяц'),
    });
    await steps.soleTask(id, 'agreeTermsChange', 'fulfilOrder');
    await steps.correlate(CLIENT_REFUSAL, 'deal-lost-shipping', {
      lossReason: str('Переезд отменился'),
    });
    // the refusal interrupts the stages; the change being agreed runs beside them until the end
    await steps.soleTask(id, 'recordLoss', 'agreeTermsChange');
    await steps.complete(id, 'recordLoss', {});
    await steps.notification('deal-lost-shipping', 'notifyLoss');

    await steps.expectEnded(id, 'dealLost');
    const history = await steps.history(id);
    expect(history).toContainEqual({ id: 'fulfilOrder', canceled: true });
    expect(history).toContainEqual({ id: 'agreeTermsChange', canceled: true });
  });
});
