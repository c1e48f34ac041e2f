import request from 'supertest';
import { BuiltInWorkers } from '../../src/workers/builtin-workers.service.js';
import { long, str } from '../elements/elements-rest.js';
import {
  DAY,
  HOUR,
  KitchenLeadSteps,
  MINUTE,
  QUALIFICATION,
  at,
  moscow,
} from './kitchen-lead.steps.js';

/** «Обработка лида» (processes/kitchen-lead.bpmn): calls, the other sources, and the conversion into a deal. */
describe('process kitchen-lead «Обработка лида»: calls, other sources, conversion', () => {
  // One app per describe; every test works on its own lead.
  let s: KitchenLeadSteps;
  afterAll(() => s.close());

  describe('leads from calls', () => {
    beforeAll(async () => {
      s = await KitchenLeadSteps.start();
    });

    it('a call brings only the phone: the manager fills the contact data and the request by hand, validated', async () => {
      // given an incoming call on a Friday at 10:00
      const friday = await s.toNextFriday(10);
      const id = await s.receive('call', { clientPhone: str('+7 495 123-45-67') });
      // to be taken within a working hour
      const take = await s.soleTask(id, 'takeLead');
      expect(Date.parse(take.due ?? '') - friday.getTime()).toBeGreaterThanOrEqual(HOUR);
      expect(Date.parse(take.due ?? '') - friday.getTime()).toBeLessThan(HOUR + MINUTE);
      expect(await s.variables(id)).toEqual({
        clientPhone: '+7 495 123-45-67',
        leadSource: 'call',
        leadStage: 'Не обработан',
        leadTitle: 'Входящий звонок: +7 495 123-45-67',
      });

      // when boris answers it
      await s.take(id, 'boris');
      await s.notifications(id);
      const qualify = await s.soleTask(id, 'qualifyLead');
      expect(qualify.assignee).toBe('boris');
      expect(qualify.due).toBe(at(moscowEvening(friday)).value); // by the end of the working day
      expect(await s.formVariables(qualify.id)).toMatchObject({
        clientPhone: { value: '+7 495 123-45-67' },
        clientName: { value: null },
        clientEmail: { value: null },
        requestText: { value: null },
      });

      // then the card cannot be completed without the name and the request
      await s.refused(qualify.id, QUALIFICATION, ['clientName', 'requestText']);
      // nor with values of the wrong type or too short
      const before = await s.variables(id);
      await s.refused(
        qualify.id,
        {
          clientName: str('Олег Иванов'),
          requestText: str('Кухня на дачу'),
          budget: str('много'),
          furnitureMaterial: str('gold'),
          objectAddress: str('Дом'),
          clientIsOurs: str('наверное'),
        },
        ['budget', 'furnitureMaterial', 'objectAddress', 'clientIsOurs'],
      );
      expect(await s.variables(id)).toEqual(before);

      // when filled in correctly
      await s.api.completeOk(qualify.id, {
        clientName: str('Олег Иванов'),
        requestText: str('Кухня на дачу'),
        ...QUALIFICATION,
      });

      // then
      expect(await s.variables(id)).toMatchObject({
        clientName: 'Олег Иванов',
        requestText: 'Кухня на дачу',
        budget: 350_000,
        furnitureMaterial: 'mdf',
        clientIsOurs: true,
        leadStage: 'Клиент наш',
      });
      expect((await s.soleTask(id, 'fillKitchenDetails')).assignee).toBe('boris');
      expect(await s.api.path(id)).toEqual(
        expect.arrayContaining([
          'leadFromCall',
          'fillFromCall',
          'takeLead',
          'stageManagerAssigned',
          'qualifyLead',
          'stageClientIsOurs',
        ]),
      );
    });

    it('a missing e-mail is reported and fixed; the follow-up comes 3 working days after a Friday offer, not on Monday', async () => {
      // given a call lead without an e-mail, qualified and detailed on a Friday morning
      const friday = await s.toNextFriday(9);
      const id = await s.receive('call', { clientPhone: str('+7 495 123-45-67') });
      await s.take(id, 'boris');
      await s.notifications(id);
      await s.complete(id, 'qualifyLead', {
        clientName: str('Олег Иванов'),
        requestText: str('Кухня на дачу'),
        ...QUALIFICATION,
      });
      await s.detailsFilled(id);
      const offer = await s.soleTask(id, 'sendCatalogAndOffer');
      // due one working day later: Monday
      expect(Date.parse(offer.due ?? '') - friday.getTime()).toBeGreaterThanOrEqual(3 * DAY);
      expect(Date.parse(offer.due ?? '') - friday.getTime()).toBeLessThan(3 * DAY + MINUTE);

      // when the offer is sent on that Friday at 10:00
      await s.runJobsAt(new Date(friday.getTime() + HOUR));
      await s.catalogSent(id);

      // then the system reports the missing e-mail and asks to fix it
      const fix = await s.soleTask(id, 'fixClientEmail');
      expect(fix).toMatchObject({
        name: 'Исправить e-mail клиента',
        assignee: 'boris',
        due: at(moscowEvening(friday)).value,
      });
      expect(fix.description).toContain('не заполнен электронный адрес');
      expect((await s.variables(id)).leadStage).toBe('Клиент наш');
      await s.refused(fix.id, {}, ['clientEmail']);
      await s.refused(fix.id, { clientEmail: str('o@') }, ['clientEmail']);
      await s.api.completeOk(fix.id, { clientEmail: str('oleg.ivanov@example.ru') });
      expect(await s.variables(id)).toMatchObject({
        clientEmail: 'oleg.ivanov@example.ru',
        leadStage: 'Каталог и КП отправлены',
        catalogLinks: 'https://kitchens.example.ru/catalog/corner-2025',
        offerAmount: 340_000,
      });
      expect(await s.timesRun(id, 'emailPresentGateway')).toBe(2);

      // and the follow-up is due on Wednesday 10:00 (Mon, Tue, Wed are the 3 working days)
      const [timer] = await s.timers(id, 'threeWorkingDaysPassed');
      const wednesday = friday.getTime() + 5 * DAY + HOUR; // 10:00, like the offer
      expect(Math.abs(Date.parse(timer.dueDate) - wednesday)).toBeLessThan(MINUTE);
      await s.runJobsAt(new Date(friday.getTime() + 3 * DAY + HOUR)); // Monday 10:00
      expect(await s.api.instanceTasks(id)).toEqual([]);
      await s.runJobsAt(new Date(friday.getTime() + 4 * DAY + 9 * HOUR)); // Tuesday 18:00
      expect(await s.api.instanceTasks(id)).toEqual([]);
      await s.runJobsAt(new Date(wednesday + MINUTE));
      const followUp = await s.soleTask(id, 'followUpCall');
      expect(followUp.assignee).toBe('boris');
    });
  });

  describe('every other source', () => {
    beforeAll(async () => {
      await s.close();
      s = await KitchenLeadSteps.start();
    });

    it('web form, social network and manual leads each start their own lead; a manual one belongs to its author', async () => {
      // given leads from three more sources at once
      const webForm = await s.receive('webForm', {
        clientName: str('Пётр Орлов'),
        clientEmail: str('orlov@example.ru'),
        clientPhone: str('+7 926 111-22-33'),
        requestText: str('Нужен расчёт прямой кухни 3 м'),
      });
      const social = await s.receive('social', {
        clientName: str('Мария'),
        socialProfile: str('https://vk.com/maria.kitchen'),
        requestText: str('Сколько стоит кухня с островом?'),
      });
      const manual = await s.receive('manual', {
        manager: str('olga'),
        clientName: str('Игорь Петров'),
        clientPhone: str('+7 903 222-33-44'),
      });

      // then three instances, each started by its own start event only
      expect(new Set([webForm, social, manual]).size).toBe(3);
      const starts = async (id: string) =>
        (await s.api.path(id)).filter((activity) => /^lead(From|Manual)/.test(activity));
      expect(await starts(webForm)).toEqual(['leadFromWebForm']);
      expect(await starts(social)).toEqual(['leadFromSocial']);
      expect(await starts(manual)).toEqual(['leadManual']);

      // web form: filled in automatically, waiting to be taken
      expect(await s.variables(webForm)).toMatchObject({
        clientEmail: 'orlov@example.ru',
        clientPhone: '+7 926 111-22-33',
        requestText: 'Нужен расчёт прямой кухни 3 м',
        leadSource: 'webForm',
        leadStage: 'Не обработан',
        leadTitle: 'Новый ЛИД с сайта: Пётр Орлов',
      });
      await s.soleTask(webForm, 'takeLead');
      // social network: name, profile and request
      expect(await s.variables(social)).toMatchObject({
        socialProfile: 'https://vk.com/maria.kitchen',
        leadSource: 'social',
        leadStage: 'Не обработан',
        leadTitle: 'Новый ЛИД из соцсети: Мария',
      });
      await s.soleTask(social, 'takeLead');
      // manual: the employee who filled in the card is responsible at once, no SOS
      expect(await s.variables(manual)).toMatchObject({
        manager: 'olga',
        leadSource: 'manual',
        leadStage: 'Менеджер назначен',
      });
      expect((await s.soleTask(manual, 'qualifyLead')).assignee).toBe('olga');
      expect(await s.timers(manual, 'sosAlarm')).toEqual([]);
      const notified = await s.notifications();
      expect(notified.map((n) => n.processInstanceId).sort()).toEqual([webForm, social].sort());

      // and a manual lead without its author is refused
      const orphan = await request(s.t.http)
        .post('/engine-rest/message')
        .send({
          messageName: 'kitchen-lead-manual',
          processVariables: { clientName: str('Без автора') },
        });
      expect(orphan.status).toBe(400);
    });
  });

  describe('with the built-in workers', () => {
    beforeAll(async () => {
      await s.close();
      s = await KitchenLeadSteps.start({
        CONVEYOR_BUILTIN_WORKERS: 'true',
        CONVEYOR_BUILTIN_WORKERS_POLL_MS: '600000',
      });
    });

    it('the client agrees: «Ура, согласие получено», a contact and a deal-lifecycle instance with every lead field', async () => {
      // given the final offer
      const id = await s.atFinalOffer();

      // when the client agrees
      await s.complete(id, 'finalOffer', {
        finalOfferAmount: long(390_000),
        finalOfferResult: str('agreed'),
      });
      expect((await s.variables(id)).leadStage).toBe('Ура, согласие получено');
      const nextContact = await s.soleTask(id, 'setDealNextContact');
      await s.refused(nextContact.id, {}, ['nextContactAt']);
      await s.api.completeOk(nextContact.id, {
        nextContactAt: at(new Date(s.clock.now().getTime() + 2 * DAY)),
      });

      // then the robot creates the contact, then the deal
      const lead = await s.api.variables(id);
      expect(lead.contact.type).toBe('Json');
      expect(JSON.parse(lead.contact.value as string)).toEqual({
        name: 'Анна Смирнова',
        phone: '+7 916 000-11-22',
        email: 'anna.smirnova@example.ru',
        address: 'Москва, ул. Лесная, д. 5, кв. 12',
        category: 'middle',
        manager: 'anna',
      });
      await s.t.app.get(BuiltInWorkers).runOnce();
      await s.api.expectEnded(id);
      expect((await s.api.historicInstance(id)).state).toBe('COMPLETED');
      const path = await s.api.path(id);
      expect(path.slice(-4)).toEqual([
        'setDealNextContact',
        'createContact',
        'startDeal',
        'leadConverted',
      ]);

      // and the deal runs with every lead field copied, led by the lead's manager
      const deals = (
        await request(s.t.http)
          .get('/engine-rest/process-instance')
          .query({ processDefinitionKey: 'deal-lifecycle' })
          .expect(200)
      ).body as { id: string; businessKey: string | null }[];
      expect(deals).toHaveLength(1);
      expect(deals[0].businessKey).toBe('B · Угловая кухня · Анна Смирнова');
      const deal = await s.api.variables(deals[0].id);
      for (const [name, variable] of Object.entries(lead)) {
        expect({ name, ...deal[name] }).toEqual({ name, ...variable });
      }
      expect(deal.manager.value).toBe('anna');
      const [signContract] = await s.api.tasks({ processInstanceId: deals[0].id });
      expect(signContract.assignee).toBe('anna');
    });
  });
});

/** 18:00 Moscow time (the end of the working day) on the day of `morning` (a Moscow morning). */
function moscowEvening(morning: Date): Date {
  const day = new Date(morning.getTime() + 3 * HOUR);
  return moscow(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 18);
}
