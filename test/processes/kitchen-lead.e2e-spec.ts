import request from 'supertest';
import { bool, long, str } from '../elements/elements-rest.js';
import {
  DAY,
  HOUR,
  KITCHEN_DETAILS,
  KitchenLeadSteps,
  MINUTE,
  QUALIFICATION,
  SECOND,
  at,
  type Variables,
} from './kitchen-lead.steps.js';

const EMAIL_LEAD: Variables = {
  clientName: str('Анна Смирнова'),
  clientEmail: str('anna.smirnova@example.ru'),
  clientPhone: str('+7 916 000-11-22'),
  requestText: str('Хочу угловую кухню в новую квартиру'),
};

/** «Обработка лида» (processes/kitchen-lead.bpmn), every path through the REST API. */
describe('process kitchen-lead «Обработка лида»', () => {
  // One app per describe; every test works on its own lead. The test acts as the notification
  // worker, except where the built-in workers run.
  let s: KitchenLeadSteps;
  afterAll(() => s.close());

  describe('leads from e-mail', () => {
    beforeAll(async () => {
      s = await KitchenLeadSteps.start();
    });

    it('an e-mail lead fills the card, is seen by all sales staff and raises an hourly SOS until the first manager takes it', async () => {
      // given a lead from e-mail
      const id = await s.receive('email', EMAIL_LEAD, 'lead-mail-1');

      // then the card is filled in automatically and the lead is «Не обработан»
      expect(await s.variables(id)).toEqual({
        clientName: 'Анна Смирнова',
        clientEmail: 'anna.smirnova@example.ru',
        clientPhone: '+7 916 000-11-22',
        requestText: 'Хочу угловую кухню в новую квартиру',
        leadSource: 'email',
        leadStage: 'Не обработан',
        leadTitle: 'Новый ЛИД из e-mail: Анна Смирнова',
      });
      const take = await s.soleTask(id, 'takeLead');
      expect(take).toMatchObject({ name: 'Взять ЛИД в работу', assignee: null });
      expect(Date.parse(take.due ?? '')).toBeGreaterThan(s.clock.now().getTime());
      for (const candidateGroup of ['sales', 'sales-head']) {
        const visible = await s.api.tasks({ candidateGroup, processInstanceId: id });
        expect(visible.map((task) => task.id)).toEqual([take.id]);
      }
      expect(await s.notifications(id)).toEqual([
        {
          activityId: 'notifyNewLead',
          processInstanceId: id,
          channel: 'in-app',
          toGroup: 'sales',
          to: undefined,
          subject: 'Новый ЛИД: Новый ЛИД из e-mail: Анна Смирнова',
          text: expect.stringContaining('Возьмите его в работу'),
        },
      ]);

      // when nobody takes it, SOS: the sales department is alarmed every hour
      let previous = s.clock.now().getTime();
      for (let hour = 1; hour <= 3; hour++) {
        const [alarm] = await s.timers(id, 'sosAlarm');
        const due = Date.parse(alarm.dueDate);
        expect(due - previous).toBeGreaterThan(HOUR - 5 * SECOND);
        expect(due - previous).toBeLessThanOrEqual(HOUR + 5 * SECOND);
        previous = due;
        await s.runJobsAt(new Date(due + SECOND));
        expect(await s.notifications(id)).toEqual([
          {
            activityId: 'sosNotification',
            processInstanceId: id,
            channel: 'in-app',
            toGroup: 'sales',
            to: undefined,
            subject: 'SOS: ЛИД не обработан',
            text: 'ЛИД «Новый ЛИД из e-mail: Анна Смирнова» всё ещё не обработан. Срочно возьмите его в работу!',
          },
        ]);
        expect(await s.timesRun(id, 'sosAlarm')).toBe(hour);
      }
      expect(await s.soleTask(id, 'takeLead')).toMatchObject({ id: take.id, assignee: null });

      // when anna takes it first, boris cannot take it any more
      expect((await s.claim(take.id, 'anna')).status).toBe(204);
      const second = await s.claim(take.id, 'boris');
      expect(second.status).toBe(400);
      expect(second.body.type).toBe('TaskAlreadyClaimedException');
      await s.refused(take.id, {}, ['manager']);
      await s.api.completeOk(take.id, { manager: str('anna') });

      // then she is responsible, the lead is «Менеджер назначен» and the alarm stops
      expect(await s.variables(id)).toMatchObject({
        manager: 'anna',
        leadStage: 'Менеджер назначен',
      });
      const qualify = await s.soleTask(id, 'qualifyLead');
      expect(qualify).toMatchObject({ name: 'Квалифицировать ЛИД', assignee: 'anna' });
      expect(await s.timers(id, 'sosAlarm')).toEqual([]);
      await s.runJobsAt(new Date(s.clock.now().getTime() + 3 * HOUR));
      expect(await s.notifications(id)).toEqual([]);
      expect(await s.timesRun(id, 'sosAlarm')).toBe(3);

      // and her card shows what the e-mail brought; only the qualification fields are missing
      expect(await s.formVariables(qualify.id)).toMatchObject({
        clientName: { value: 'Анна Смирнова', type: 'String' },
        clientEmail: { value: 'anna.smirnova@example.ru', type: 'String' },
        clientPhone: { value: '+7 916 000-11-22', type: 'String' },
        requestText: { value: 'Хочу угловую кухню в новую квартиру', type: 'String' },
        budget: { value: null, type: 'Long' },
      });
      const message = await s.refused(qualify.id, {}, [
        'budget',
        'furnitureMaterial',
        'objectAddress',
        'clientIsOurs',
      ]);
      for (const filled of ['clientName', 'clientPhone', 'requestText'])
        expect(message).not.toContain(`'${filled}'`);
      await s.api.completeOk(qualify.id, QUALIFICATION);
      expect(await s.variables(id)).toMatchObject({ leadStage: 'Клиент наш', budget: 350_000 });
      expect((await s.soleTask(id, 'fillKitchenDetails')).assignee).toBe('anna');
    });

    it('the ABC robot classes leads A, B and C, renames them and records the expected amount', async () => {
      const cases: {
        name: string;
        budget: number;
        details: Variables;
        expected: Variables;
      }[] = [
        {
          name: 'Ирина Волкова',
          budget: 800_000,
          details: {
            kitchenType: str('island'),
            customerCategory: str('premium'),
            urgency: str('urgent'),
            needsAppliances: bool(false),
          },
          expected: {
            abcClass: 'A',
            abcScore: 6,
            expectedAmount: 800_000,
            leadTitle: 'A · Кухня с островом · Ирина Волкова',
          },
        },
        {
          name: 'Анна Смирнова',
          budget: 350_000,
          details: {},
          expected: {
            abcClass: 'B',
            abcScore: 3,
            expectedAmount: 420_000, // with built-in appliances: budget + 20 %
            leadTitle: 'B · Угловая кухня · Анна Смирнова',
          },
        },
        {
          name: 'Олег Иванов',
          budget: 150_000,
          details: {
            kitchenType: str('straight'),
            hasBacksplash: bool(false),
            needsAppliances: bool(false),
            customerCategory: str('economy'),
            urgency: str('later'),
          },
          expected: {
            abcClass: 'C',
            abcScore: 0,
            expectedAmount: 150_000,
            leadTitle: 'C · Прямая кухня · Олег Иванов',
          },
        },
      ];
      for (const { name, budget, details, expected } of cases) {
        // given a qualified lead
        const id = await s.qualifiedLead({ clientName: str(name) }, { budget: long(budget) });
        const fill = await s.soleTask(id, 'fillKitchenDetails');
        await s.refused(fill.id, {}, Object.keys(KITCHEN_DETAILS).filter(isRequiredDetail));

        // when the clarifying fields are filled
        await s.detailsFilled(id, details);

        // then
        expect(await s.variables(id)).toMatchObject({ ...expected, leadStage: 'Клиент наш' });
        const offer = await s.soleTask(id, 'sendCatalogAndOffer');
        expect(offer.assignee).toBe('anna');
        expect(Date.parse(offer.due ?? '')).toBeGreaterThan(s.clock.now().getTime());
        expect(offer.description).toContain('Чек-лист');
      }
    });

    it('a backsplash or appliances without details send the clarifying fields back', async () => {
      const id = await s.qualifiedLead();
      const withoutMaterial: Variables = { ...KITCHEN_DETAILS };
      delete withoutMaterial.backsplashMaterial;

      await s.complete(id, 'fillKitchenDetails', withoutMaterial);
      await s.soleTask(id, 'fillKitchenDetails');
      expect(await s.variables(id)).not.toHaveProperty('abcClass');

      await s.complete(id, 'fillKitchenDetails', {
        backsplashMaterial: str('Керамогранит'),
        appliances: str(''),
      });
      await s.soleTask(id, 'fillKitchenDetails');

      await s.complete(id, 'fillKitchenDetails', { appliances: str('Siemens: духовой шкаф') });
      await s.soleTask(id, 'sendCatalogAndOffer');
      expect(await s.variables(id)).toMatchObject({ abcClass: 'B' });
      expect(await s.timesRun(id, 'fillKitchenDetails')).toBe(3);
    });

    it('a lead that is not ours is closed as «Не успешный» with a reason', async () => {
      // given a lead the manager finds accidental
      const id = await s.qualifiedLead({}, { clientIsOurs: bool(false) });
      const close = await s.soleTask(id, 'recordLossReason');
      expect(close.assignee).toBe('anna');

      // then the reason is required
      await s.refused(close.id, {}, ['lossReason', 'lossComment']);
      await s.refused(close.id, { lossReason: str('weather'), lossComment: str('—') }, [
        'lossReason',
        'lossComment',
      ]);

      // when given
      await s.api.completeOk(close.id, {
        lossReason: str('notTarget'),
        lossComment: str('Ошибся номером, искал шкаф-купе'),
      });

      // then
      await expectLost(id, 'notTarget');
      expect(await s.api.path(id)).not.toContain('stageClientIsOurs');
    });

    it('an undecided client gets a next-contact date: informed, waited for, then the follow-up returns; a refusal ends the lead', async () => {
      // given a lead at the follow-up call
      const id = await s.qualifiedLead();
      await s.detailsFilled(id);
      await s.catalogSent(id);
      await s.followUpDue(id);

      // when the client has not decided yet
      await s.complete(id, 'followUpCall', { followUpResult: str('undecided') });
      const postpone = await s.soleTask(id, 'setNextContactDate');
      await s.refused(postpone.id, {}, ['nextContactAt', 'plannedMeasurementDate']);
      await s.refused(
        postpone.id,
        { nextContactAt: str('на следующей неделе'), plannedMeasurementDate: str('32.13.2030') },
        ['nextContactAt', 'plannedMeasurementDate'],
      );
      const nextContactAt = new Date(s.clock.now().getTime() + 6 * DAY);
      const plannedMeasurement = new Date(s.clock.now().getTime() + 9 * DAY);
      await s.api.completeOk(postpone.id, {
        nextContactAt: at(nextContactAt),
        plannedMeasurementDate: at(plannedMeasurement),
      });

      // then the lead waits in «Дата следующего контакта» and the client is told both dates
      expect((await s.variables(id)).leadStage).toBe('Дата следующего контакта');
      const [informed] = await s.notifications(id);
      expect(informed).toMatchObject({
        activityId: 'informClientOfDates',
        channel: 'email',
        to: 'anna.smirnova@example.ru',
        subject: 'Ваша кухня: следующий звонок и замер',
      });
      expect(informed.text).toContain('Анна Смирнова');
      expect(informed.text).toContain(nextContactAt.toISOString().slice(0, 10));
      expect(informed.text).toContain(plannedMeasurement.toISOString().slice(0, 10));
      const [wait] = await s.timers(id, 'nextContactDateReached');
      expect(Date.parse(wait.dueDate)).toBe(nextContactAt.getTime());
      await s.runJobsAt(new Date(nextContactAt.getTime() - HOUR));
      expect(await s.api.instanceTasks(id)).toEqual([]);

      // when the date comes, the follow-up is back
      await s.runJobsAt(new Date(nextContactAt.getTime() + MINUTE));
      await s.soleTask(id, 'followUpCall');
      expect(await s.timesRun(id, 'followUpCall')).toBe(2);

      // and when the client then refuses
      await s.complete(id, 'followUpCall', { followUpResult: str('refused') });
      await s.complete(id, 'recordLossReason', {
        lossReason: str('price'),
        lossComment: str('Дорого, ждёт распродажу'),
      });
      await expectLost(id, 'price');
    });

    it('a measurement is booked (3 hours by default), confirmed 24 h before after a rescheduling, with an SMS, the measurer’s checklist and a warning an hour before', async () => {
      // given a client who agrees to a measurement
      const id = await s.qualifiedLead();
      await s.detailsFilled(id);
      await s.catalogSent(id);
      await s.followUpDue(id);
      await s.complete(id, 'followUpCall', { followUpResult: str('measurement') });

      // then the booking form proposes 3 hours at the object's address
      const book = await s.soleTask(id, 'bookMeasurement');
      expect(book.assignee).toBe('anna');
      const form = await s.formVariables(book.id);
      expect(form).toMatchObject({
        measurementHours: { value: 3, type: 'Long' },
        objectAddress: { value: 'Москва, ул. Лесная, д. 5, кв. 12', type: 'String' },
        measurementAt: { value: null, type: 'Date' },
      });
      // and a technical error in the required fields is pointed out
      await s.refused(
        book.id,
        {
          objectAddress: str('Дом'),
          measurementHours: long(0),
          measurementAt: str('31.02.2030 10:00'),
        },
        ['objectAddress', 'measurementAt', 'measurementHours', 'measurer', 'measurerPhone'],
      );

      // when booked with the defaults
      const firstDate = new Date(s.clock.now().getTime() + 4 * DAY);
      await s.api.completeOk(book.id, {
        objectAddress: form.objectAddress,
        measurementHours: form.measurementHours,
        measurementAt: at(firstDate),
        measurer: str('sergey'),
        measurerPhone: str('+7 903 555-44-33'),
      });

      // then «Замер назначен», and 24 h before the manager must confirm it
      expect(await s.variables(id)).toMatchObject({
        leadStage: 'Замер назначен',
        measurementHours: 3,
        objectAddress: 'Москва, ул. Лесная, д. 5, кв. 12',
        measurer: 'sergey',
      });
      const [dayBefore] = await s.timers(id, 'dayBeforeMeasurement');
      expect(Date.parse(dayBefore.dueDate)).toBe(firstDate.getTime() - DAY);
      await s.runJobsAt(new Date(firstDate.getTime() - DAY - HOUR));
      expect(await s.api.instanceTasks(id)).toEqual([]);
      await s.runJobsAt(new Date(firstDate.getTime() - DAY + MINUTE));
      const confirm = await s.soleTask(id, 'confirmMeasurement');
      expect(confirm.assignee).toBe('anna');
      expect(Date.parse(confirm.due ?? '')).toBe(firstDate.getTime());

      // when the client asks for another date
      await s.api.completeOk(confirm.id, { measurementConfirmation: str('reschedule') });
      const reschedule = await s.soleTask(id, 'rescheduleMeasurement');
      await s.refused(reschedule.id, { measurementAt: str('') }, ['measurementAt']);
      const newDate = new Date(firstDate.getTime() + 2 * DAY);
      await s.api.completeOk(reschedule.id, { measurementAt: at(newDate) });

      // then the procedure repeats for the new date
      expect((await s.variables(id)).leadStage).toBe('Замер назначен');
      const [newDayBefore] = await s.timers(id, 'dayBeforeMeasurement');
      expect(Date.parse(newDayBefore.dueDate)).toBe(newDate.getTime() - DAY);
      await s.runJobsAt(new Date(firstDate.getTime() + MINUTE)); // the old date passes quietly
      expect(await s.api.instanceTasks(id)).toEqual([]);
      await s.runJobsAt(new Date(newDate.getTime() - DAY + MINUTE));

      // when the client confirms
      await s.complete(id, 'confirmMeasurement', { measurementConfirmation: str('confirmed') });

      // then an SMS goes to the client and the measurer gets the visit with its checklist
      const [sms] = await s.notifications(id);
      expect(sms).toMatchObject({
        activityId: 'smsMeasurementConfirmed',
        channel: 'sms',
        to: '+7 916 000-11-22',
      });
      expect(sms.text).toContain('Москва, ул. Лесная, д. 5, кв. 12');
      expect(sms.text).toContain('около 3 ч');
      expect(sms.text).toContain('+7 903 555-44-33');
      const visit = await s.soleTask(id, 'conductMeasurement');
      expect(visit.assignee).toBe('sergey');
      expect(visit.description).toContain('Чек-лист замерщика');

      // and an hour before arriving he must warn the client
      const [hourBefore] = await s.timers(id, 'hourBeforeArrival');
      expect(Date.parse(hourBefore.dueDate)).toBe(newDate.getTime() - HOUR);
      await s.runJobsAt(new Date(newDate.getTime() - HOUR - MINUTE));
      await s.soleTask(id, 'conductMeasurement');
      await s.runJobsAt(new Date(newDate.getTime() - HOUR + MINUTE));
      const warn = await s.open(id, 'warnClientOfArrival');
      expect(warn.assignee).toBe('sergey');
      expect(Date.parse(warn.due ?? '')).toBe(newDate.getTime());
      await s.api.completeOk(warn.id);

      // when he uploads the results
      await s.refused(visit.id, {}, ['measurementResultsUrl', 'designApproved', 'projectAmount']);
      await s.api.completeOk(visit.id, {
        measurementResultsUrl: str('https://disk.example.ru/deals/smirnova'),
        designApproved: bool(true),
        projectAmount: long(395_000),
      });

      // then the manager prepares the final offer
      const offer = await s.soleTask(id, 'finalOffer');
      expect(offer.assignee).toBe('anna');
      expect((await s.variables(id)).projectAmount).toBe(395_000);
      const path = await s.api.path(id);
      expect(path.filter((a) => a === 'confirmMeasurement')).toHaveLength(2);
      expect(path.filter((a) => a === 'rescheduleMeasurement')).toHaveLength(1);
      expect(path.filter((a) => a === 'stageMeasurementBooked')).toHaveLength(2);
    });

    it('the final offer paused until the next-contact date, then refused with a reason: «Не успешный»', async () => {
      // given the final offer
      const id = await s.atFinalOffer();
      const offer = await s.soleTask(id, 'finalOffer');
      await s.refused(offer.id, { finalOfferAmount: long(390_000) }, ['finalOfferResult']);

      // when the client asks for time to think
      await s.api.completeOk(offer.id, {
        finalOfferAmount: long(390_000),
        finalOfferResult: str('pause'),
      });
      const pause = await s.soleTask(id, 'setFinalOfferNextContact');
      await s.refused(pause.id, {}, ['nextContactAt']);
      const nextContactAt = new Date(s.clock.now().getTime() + 7 * DAY);
      await s.api.completeOk(pause.id, { nextContactAt: at(nextContactAt) });

      // then the lead waits in «Дата следующего контакта»
      expect((await s.variables(id)).leadStage).toBe('Дата следующего контакта');
      const [wait] = await s.timers(id, 'pauseOver');
      expect(Date.parse(wait.dueDate)).toBe(nextContactAt.getTime());
      await s.runJobsAt(new Date(nextContactAt.getTime() - MINUTE));
      expect(await s.api.instanceTasks(id)).toEqual([]);
      await s.runJobsAt(new Date(nextContactAt.getTime() + MINUTE));

      // when after the pause the client refuses
      await s.complete(id, 'finalOffer', {
        finalOfferAmount: long(390_000),
        finalOfferResult: str('refused'),
      });
      await s.complete(id, 'recordLossReason', {
        lossReason: str('competitor'),
        lossComment: str('Заказал кухню у конкурента'),
      });

      // then
      await expectLost(id, 'competitor');
      expect(await s.timesRun(id, 'finalOffer')).toBe(2);
    });
  });

  /** The lead ended in «Не успешный» with this reason. */
  async function expectLost(id: string, reason: string): Promise<void> {
    await s.api.expectEnded(id);
    expect((await s.api.historicInstance(id)).state).toBe('COMPLETED');
    const path = await s.api.path(id);
    expect(path[path.length - 1]).toBe('leadLost');
    expect(path).not.toContain('leadConverted');
    const variables = (
      await request(s.t.http)
        .get('/engine-rest/history/variable-instance')
        .query({ processInstanceId: id })
        .expect(200)
    ).body as { name: string; value: unknown }[];
    const value = (name: string) => variables.find((v) => v.name === name)?.value;
    expect(value('leadStage')).toBe('Не успешный');
    expect(value('lossReason')).toBe(reason);
  }
});

const REQUIRED_DETAILS = new Set([
  'houseType',
  'kitchenType',
  'countertopMaterial',
  'hasBacksplash',
  'needsAppliances',
  'customerCategory',
  'urgency',
]);
function isRequiredDetail(field: string): boolean {
  return REQUIRED_DETAILS.has(field);
}
