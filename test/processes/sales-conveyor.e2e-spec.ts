import request from 'supertest';
import { long, str } from '../elements/elements-rest.js';
import { PROCESSES_DIR, startTestApp, type TestApp } from '../support/test-app.js';
import { camundaDate, DAY, expectAt, HOUR, mskAfter, ruDate } from './process-steps.js';
import {
  COLD_CALL_MANAGER,
  coldCallForm,
  ConveyorSteps,
  planForm,
  type WorkPlan,
} from './sales-conveyor.steps.js';

/**
 * «Конвейер продаж» (processes/sales-conveyor.bpmn) through the REST API: manager 1 works the cold
 * client and plans the work of manager 2, who carries the deal, plans the next stage for himself,
 * then hands the client to manager 3 for service, who closes the work. Each step's assignee,
 * planned start (follow-up date) and deadline come from the previous step's form.
 */
describe('«Конвейер продаж» (sales-conveyor)', () => {
  let t: TestApp;
  let steps: ConveyorSteps;

  beforeAll(async () => {
    t = await startTestApp({
      CONVEYOR_PROCESSES_DIR: PROCESSES_DIR,
      CONVEYOR_JOB_EXECUTOR: 'true',
      CONVEYOR_JOB_POLL_MS: '600000',
      CONVEYOR_CALENDAR_TIME_ZONE: 'Europe/Moscow',
    });
    steps = new ConveyorSteps(t);
  });
  afterAll(() => t.close());

  /** Tasks of `assignee` whose planned start has come (or that have none): the «to do now» list. */
  const startedWorkOf = async (assignee: string) =>
    (
      await request(t.http)
        .get('/engine-rest/task')
        .query({ assignee, followUpBeforeOrNotExistent: camundaDate(steps.clock.now()) })
        .expect(200)
    ).body as { taskDefinitionKey: string }[];

  it('runs the chain: manager 1 (cold call) → manager 2 → manager 2 again → manager 3 (service) → closed', async () => {
    const a = steps.toNextMonday();
    const key = 'conveyor-chain';
    const id = await steps.startConveyor(key);

    // Менеджер 1 звонит холодному клиенту, вносит данные и роль клиента
    const coldCall = await steps.soleTask(id, 'coldCall');
    expect(coldCall).toMatchObject({
      name: 'Звонок холодному клиенту',
      assignee: COLD_CALL_MANAGER,
    });
    expect(await steps.candidateGroups(coldCall.id)).toEqual(['sales']);
    expectAt(coldCall.due, mskAfter(a, 0, '18:00'));
    await steps.expectRejected(id, coldCall.id, {}, [
      'clientName',
      'clientPhone',
      'clientRole',
      'callResult',
    ]);
    const roleMessage = await steps.expectRejected(
      id,
      coldCall.id,
      { ...coldCallForm('interested'), clientRole: str('vip'), clientPhone: str('112') },
      ['clientRole', 'clientPhone'],
      ['clientName', 'callResult'],
    );
    expect(roleMessage).toContain('retail, wholesale, dealer, corporate, government');
    await steps.complete(id, 'coldCall', coldCallForm('interested'), COLD_CALL_MANAGER);

    // … и планирует работу менеджеру № 2: исполнитель, сроки
    const planning = await steps.soleTask(id, 'planNextWork');
    expect(planning.assignee).toBe(COLD_CALL_MANAGER);
    expectAt(planning.due, mskAfter(a, 0, '18:00'));
    const meeting: WorkPlan = {
      executor: 'sidorov',
      type: 'deal',
      title: 'Презентация кухонных гарнитуров',
      start: mskAfter(a, 1, '11:00'),
      due: mskAfter(a, 2, '18:00'),
    };
    const { workExecutor, ...withoutExecutor } = planForm(meeting);
    expect(workExecutor.value).toBe('sidorov');
    await steps.expectRejected(id, planning.id, withoutExecutor, ['workExecutor'], ['workStart']);
    const dateMessage = await steps.expectRejected(
      id,
      planning.id,
      {
        ...planForm(meeting),
        workStart: str('завтра утром'),
        workDue: long(20301010),
        workType: str('pickup'),
      },
      ['workStart', 'workDue', 'workType'],
      ['workExecutor', 'workTitle'],
    );
    expect(dateMessage).toContain('dd.MM.yyyy HH:mm');
    const work = await steps.plan(id, key, COLD_CALL_MANAGER, meeting);

    // Менеджер № 2 видит новую работу «Внимание» с плановой датой начала и сроком
    expect(work).toMatchObject({
      name: 'Работа с клиентом: Презентация кухонных гарнитуров',
      assignee: 'sidorov',
    });
    expect(work.description).toContain(
      'Внимание: новая работа (этап 2) по клиенту ООО «Кухни Плюс»',
    );
    expect(work.description).toContain('роль клиента wholesale');
    expectAt(work.followUp, meeting.start);
    expectAt(work.due, meeting.due);
    expect(await steps.candidateGroups(work.id)).toEqual(['sales']);
    expect(await steps.variables(id)).toMatchObject({
      stageNumber: 2,
      responsibleManager: COLD_CALL_MANAGER,
      workExecutor: 'sidorov',
      clientRole: 'wholesale',
    });
    expect(await startedWorkOf('sidorov')).toEqual([]);
    await steps.runJobsAt(mskAfter(a, 1, '11:01'));
    expect((await startedWorkOf('sidorov')).map((x) => x.taskDefinitionKey)).toEqual(['doWork']);

    // закрывая этап, менеджер № 2 сразу планирует следующий — себе
    await steps.expectRejected(id, work.id, { clientName: str('ООО «Рога и копыта»') }, [
      'clientName',
      'stageResult',
      'stageOutcome',
    ]);
    await steps.finishStage(id, 'sidorov', 'Презентация проведена, выбирают фасады', 'next');
    const secondPlanning = await steps.soleTask(id, 'planNextWork');
    expect(secondPlanning.assignee).toBe('sidorov');
    const form = await steps.formVariables(secondPlanning.id);
    expect(form.workExecutor.value).toBeNull();
    expect(form.workStart).toMatchObject({ value: null, type: 'Date' });
    await steps.expectRejected(id, secondPlanning.id, {}, [
      'workExecutor',
      'workType',
      'workTitle',
      'workStart',
      'workDue',
    ]);
    const contract: WorkPlan = {
      executor: 'sidorov',
      type: 'deal',
      title: 'Подписать договор поставки',
      start: mskAfter(a, 3, '10:00'),
      due: mskAfter(a, 4, '18:00'),
    };
    const contractWork = await steps.plan(id, key, 'sidorov', contract);
    expect(contractWork).toMatchObject({ name: 'Работа с клиентом: Подписать договор поставки' });
    expectAt(contractWork.followUp, contract.start);
    expectAt(contractWork.due, contract.due);

    // следующий этап — менеджеру № 3, на сервисное обслуживание
    await steps.finishStage(id, 'sidorov', 'Договор подписан, первая поставка оплачена', 'next');
    const service: WorkPlan = {
      executor: 'kuznetsova',
      type: 'service',
      title: 'Сервисное обслуживание: контроль монтажа',
      start: mskAfter(a, 7, '09:00'),
      due: mskAfter(a, 11, '18:00'),
    };
    await steps.complete(id, 'planNextWork', planForm(service), 'sidorov');
    const notice = await steps.notification(key, 'notifyNewWork');
    expect(notice).toEqual({
      channel: 'in-app',
      to: 'kuznetsova',
      toGroup: null,
      subject: 'Внимание: новая работа по клиенту ООО «Кухни Плюс»',
      text: `Сервисное обслуживание: контроль монтажа. Плановая дата начала: ${service.start.toISOString()}, срок: ${service.due.toISOString()}.`,
    });
    const serviceWork = await steps.soleTask(id, 'doWork');
    expect(serviceWork.assignee).toBe('kuznetsova');
    expect(serviceWork.description).toContain('(этап 4)');
    expect(await steps.candidateGroups(serviceWork.id)).toEqual(['service']);
    expectAt(serviceWork.followUp, service.start);
    expectAt(serviceWork.due, service.due);
    expect(await steps.variables(id)).toMatchObject({ responsibleManager: 'sidorov' });

    // менеджер № 3 закрывает работу
    await steps.finishStage(id, 'kuznetsova', 'Монтаж принят, клиент доволен', 'close');
    await steps.expectEnded(id, 'workClosed');
    expect(await steps.historicVariables(id)).toMatchObject({
      clientName: 'ООО «Кухни Плюс»',
      clientRole: 'wholesale',
      stageNumber: 4,
      responsibleManager: 'kuznetsova',
      stageResult: 'Монтаж принят, клиент доволен',
      stageOutcome: 'close',
    });
    expect(await steps.count(id, 'planNextWork')).toBe(3);
    expect(await steps.count(id, 'notifyNewWork')).toBe(3);
    expect(await steps.count(id, 'doWork')).toBe(3);
    const history = (
      await request(t.http)
        .get('/engine-rest/history/task')
        .query({ processInstanceId: id, sortBy: 'startTime', sortOrder: 'asc' })
        .expect(200)
    ).body as { taskDefinitionKey: string; assignee: string }[];
    expect(history.map((x) => `${x.taskDefinitionKey}:${x.assignee}`)).toEqual([
      'coldCall:petrov',
      'planNextWork:petrov',
      'doWork:sidorov',
      'planNextWork:sidorov',
      'doWork:sidorov',
      'planNextWork:sidorov',
      'doWork:kuznetsova',
    ]);
  });

  it('takes the form pattern dd.MM.yyyy HH:mm for the planned dates (read as UTC)', async () => {
    const a = steps.toNextMonday();
    const id = await steps.startConveyor('conveyor-pattern');
    await steps.complete(id, 'coldCall', coldCallForm('interested'));
    const tuesday = ruDate(new Date(a.getTime() + DAY));
    await steps.complete(id, 'planNextWork', {
      ...planForm({
        executor: 'sidorov',
        type: 'deal',
        title: 'Перезвонить',
        start: a,
        due: a,
      }),
      workStart: str(`${tuesday} 07:00`),
      workDue: str(`${tuesday} 15:00`),
    });
    await steps.notification('conveyor-pattern', 'notifyNewWork');
    const work = await steps.soleTask(id, 'doWork');
    // form dates carry no zone and are read as UTC: 07:00 UTC is 10:00 in Moscow
    expectAt(work.followUp, mskAfter(a, 1, '10:00'));
    expectAt(work.due, new Date(mskAfter(a, 1, '10:00').getTime() + 8 * HOUR));
    await steps.finishStage(id, 'sidorov', 'Клиент передумал', 'close');
    await steps.expectEnded(id, 'workClosed');
  });

  it('refuses a start without the cold-call manager: 400, nothing started', async () => {
    const count = async () =>
      (
        await request(t.http)
          .get('/engine-rest/process-instance/count')
          .query({ processDefinitionKey: 'sales-conveyor' })
          .expect(200)
      ).body.count as number;
    const before = await count();
    const res = await request(t.http)
      .post('/engine-rest/process-definition/key/sales-conveyor/start')
      .send({ businessKey: 'conveyor-no-manager', variables: {} });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('coldCallManager');
    expect(await count()).toBe(before);
  });

  it('closes at once when the cold client is not interested', async () => {
    steps.toNextMonday();
    const id = await steps.startConveyor('conveyor-cold');
    await steps.complete(id, 'coldCall', coldCallForm('notInterested'), COLD_CALL_MANAGER);
    await steps.expectNoNotification('conveyor-cold');
    await steps.expectEnded(id, 'coldClientRejected');
    expect(await steps.api.path(id)).toEqual([
      'coldClientFound',
      'coldCall',
      'callResultGateway',
      'coldClientRejected',
    ]);
  });
});
