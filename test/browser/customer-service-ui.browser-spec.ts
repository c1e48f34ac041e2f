import type { Page } from 'playwright-core';
import request from 'supertest';
import { PROCESSES_DIR } from '../support/test-app.js';
import { startBrowserTestApp, type BrowserTestApp } from './browser-support.js';

const PASSWORD = 'customer-service-ui';
/** The head of sales (cockpit) and her two managers (tasklist), all created through REST. */
const HEAD = 'olga-head';
const DUTY = 'dima-duty';
const NEXT = 'vera-next';

/**
 * «Обслуживание клиента» done entirely through the web app: the head of sales starts it with its
 * start form in the cockpit, the duty manager does not answer in time (she fast-forwards the
 * three-rings timer), the next manager takes the call and works the client through the tasklist's
 * forms (a required field refused on the way), and the head sees the instance ended on its path.
 */
describe('web app in chromium: customer service end to end through the UI', () => {
  let t: BrowserTestApp;
  const admin = {
    get: (path: string) => request(t.app.http).get(`/engine-rest${path}`),
    post: (path: string, body: object = {}) =>
      request(t.app.http).post(`/engine-rest${path}`).send(body),
    put: (path: string) => request(t.app.http).put(`/engine-rest${path}`),
  };

  beforeAll(async () => {
    t = await startBrowserTestApp({ CONVEYOR_PROCESSES_DIR: PROCESSES_DIR });
    await admin.post('/group/create', {
      id: 'conveyor-managers',
      name: 'Руководители',
      type: 'SYSTEM',
    });
    await admin.post('/group/create', { id: 'sales', name: 'Отдел продаж', type: 'WORKFLOW' });
    for (const [id, managerId] of [
      [HEAD, undefined],
      [DUTY, HEAD],
      [NEXT, HEAD],
    ] as const) {
      await admin
        .post('/user/create', {
          profile: { id, firstName: id, lastName: 'UI', managerId },
          credentials: { password: PASSWORD },
        })
        .expect(204);
    }
    await admin.put(`/group/conveyor-managers/members/${HEAD}`).expect(204);
    await admin.put(`/group/sales/members/${DUTY}`).expect(204);
    await admin.put(`/group/sales/members/${NEXT}`).expect(204);
  });
  afterAll(() => t.close());

  it('is started, forwarded, worked and finished by people in the browser', async () => {
    // given the head of sales in the cockpit's start form of customer-service
    const head = await t.newPage();
    await signIn(head.page, HEAD, 'cockpit');
    const [definition] = (await admin.get('/process-definition?key=customer-service').expect(200))
      .body as { id: string }[];
    await head.page.click('.cockpit-tabs a[data-cockpit-tab=start]');
    await head.page.selectOption('select[data-field=definition]', definition.id);
    await head.page.waitForSelector('form[data-form=start] [data-field-input=dutyManager]');

    // when she starts it for an incoming call
    await head.page.fill('form[data-form=start] [data-field-input=dutyManager]', DUTY);
    // the start form's required fields are checked like a task's
    await head.page.click('form[data-form=start] button[data-action=start]');
    await head.page.waitForSelector('.form-field[data-field=nextManager][data-invalid=client]');
    await head.page.fill('form[data-form=start] [data-field-input=nextManager]', NEXT);
    await head.page.fill('form[data-form=start] input[data-field=businessKey]', 'call-0001');
    await t.screenshot(head.page, 'customer-service-01-start-form');
    await head.page.click('form[data-form=start] button[data-action=start]');

    // then the instance waits for the duty manager to answer, on the diagram
    await head.page.waitForURL(/#\/cockpit\/instance\/[^/]+$/);
    const instanceId = decodeURIComponent(head.page.url().split('/').pop() as string);
    await head.page.waitForSelector('.djs-element.diagram-active[data-element-id=answerCall]');
    await t.screenshot(head.page, 'customer-service-02-waiting-for-answer');

    // when nobody answers by the third ring: she runs the timer now
    await head.page.click('button[data-action=run-job]');

    // then the call is forwarded to the next manager
    await head.page.waitForSelector(
      '.djs-element.diagram-active[data-element-id=answerForwardedCall]',
    );
    await t.screenshot(head.page, 'customer-service-03-forwarded');

    // when the next manager takes it in her tasklist and works the client through the forms
    const next = await t.newPage();
    await signIn(next.page, NEXT, 'tasklist');
    await completeMyTask(next.page, 'answerForwardedCall', {});
    await completeMyTask(next.page, 'introduceYourself', { clientName: 'Анна Петровна' }, [
      'newClient',
    ]);
    // a required field left empty stops her before anything is sent
    await openMyTask(next.page, 'fillClientCard');
    await next.page.fill('[data-field-input=clientPhone]', '+7 900 123-45-67');
    await next.page.click('button[data-action=complete]');
    await next.page.waitForSelector('.form-field[data-field=clientEmail][data-invalid=client]');
    await t.screenshot(next.page, 'customer-service-04-required-field');
    await completeMyTask(next.page, 'fillClientCard', {
      clientEmail: 'anna@example.ru',
      clientAddress: 'Москва, ул. Ленина, 1',
    });
    await completeMyTask(next.page, 'consultClient', {
      agreements: 'Кухня 3 м, фасады МДФ; клиент подумает о замерах',
    });

    // then the process ended with the agreements recorded, started by the head, worked by vera
    const history = await admin.get(`/history/process-instance/${instanceId}`).expect(200);
    expect(history.body).toMatchObject({
      businessKey: 'call-0001',
      startUserId: HEAD,
      state: 'COMPLETED',
    });
    const activities = (
      await admin.get(`/history/activity-instance?processInstanceId=${instanceId}`).expect(200)
    ).body as { activityId: string; assignee: string | null }[];
    expect(activities.map((a) => a.activityId)).toEqual(
      expect.arrayContaining(['callNotAnswered', 'agreementsRecorded', 'serviceFinished']),
    );
    const tasks = (await admin.get(`/history/task?processInstanceId=${instanceId}`).expect(200))
      .body as { taskDefinitionKey: string; assignee: string }[];
    expect(tasks.filter((task) => task.taskDefinitionKey !== 'answerCall')).toEqual(
      Array.from({ length: 4 }, () => expect.objectContaining({ assignee: NEXT })),
    );
    const variables = (
      await admin.get(`/history/variable-instance?processInstanceId=${instanceId}`).expect(200)
    ).body as { name: string; value: unknown }[];
    const value = (name: string) => variables.find((v) => v.name === name)?.value;
    expect([value('clientName'), value('newClient'), value('clientEmail')]).toEqual([
      'Анна Петровна',
      true,
      'anna@example.ru',
    ]);
    expect(value('measurementAgreed')).toBe(false);

    // and the head sees it ended, the path taken marked on the diagram
    await head.page.click('.cockpit-instance button[data-action=refresh]');
    await head.page.waitForSelector('.cockpit-instance[data-state=COMPLETED]');
    await head.page.waitForSelector('.djs-element.diagram-taken[data-element-id=consultClient]');
    await t.screenshot(head.page, 'customer-service-05-completed');
    expect(head.problems).toEqual([]);
    expect(next.problems).toEqual([]);
  });

  async function signIn(page: Page, user: string, screen: 'cockpit' | 'tasklist'): Promise<void> {
    await page.goto(`${t.baseUrl}/#/${screen}`);
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('form.login-form button[type=submit]');
    await page.waitForSelector(`.shell-header nav a[data-route=${screen}].active`);
  }

  /** Opens the signed-in user's open task of that step from "My tasks". */
  async function openMyTask(page: Page, taskDefinitionKey: string): Promise<void> {
    const [task] = (await admin.get(`/task?taskDefinitionKey=${taskDefinitionKey}`).expect(200))
      .body as { id: string }[];
    expect(task).toBeDefined();
    await page.click('.tasklist-views button[data-view=mine]');
    const row = `.task-rows li[data-task-id="${task.id}"]`;
    // The list refreshes itself; the task appears without a reload.
    await page.waitForSelector(row, { timeout: 20_000 });
    await page.click(row);
    await page.waitForSelector(`.tasklist-detail[data-task-id="${task.id}"] .task-form`);
  }

  async function completeMyTask(
    page: Page,
    taskDefinitionKey: string,
    values: Record<string, string>,
    checked: string[] = [],
  ): Promise<void> {
    await openMyTask(page, taskDefinitionKey);
    for (const [field, value] of Object.entries(values)) {
      await page.fill(`[data-field-input=${field}]`, value);
    }
    for (const field of checked) await page.check(`[data-field-input=${field}]`);
    await t.screenshot(page, `customer-service-task-${taskDefinitionKey}`);
    await page.click('button[data-action=complete]');
    await page.waitForSelector('.tasklist-notice[data-kind=success]');
    await page.waitForSelector('.tasklist-detail', { state: 'detached' });
  }
});
