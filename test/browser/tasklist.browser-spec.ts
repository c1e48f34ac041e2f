import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { BuiltInWorkers } from '../../src/workers/builtin-workers.service.js';
import { EngineRest } from '../support/engine-rest.js';
import { basicAuth } from '../support/test-app.js';
import { startBrowserTestApp, type BrowserTestApp } from './browser-support.js';

const EMPLOYEE = { user: 'nina', password: 'nina-secret-password' };
const COLLEAGUE = { user: 'pavel', password: 'pavel-secret-password' };
const BUSINESS_KEY = 'ORD-2026-017';
const OTHER_KEY = 'ORD-2026-099';
/** An element's computed color (the node tsconfig has no DOM types, hence the cast). */
const COLOR = (element: unknown): string =>
  (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(
    element,
  ).color;
const YESTERDAY = new Date(Date.now() - 24 * 3600_000).toISOString().replace('Z', '+0000');

/**
 * The employees' tasklist in chromium: an employee of the order desk finds a group task, claims
 * it, is stopped by the client's required check and then by the server's constraints (shown next
 * to the fields), completes it with typed variables, comments, reads notifications, and uses the
 * stacked phone layout, where claiming a colleague's task shows the server's refusal.
 */
describe('web app in chromium: tasklist', () => {
  let t: BrowserTestApp;
  let rest: EngineRest;
  let instanceId: string;
  let otherInstanceId: string;

  beforeAll(async () => {
    // Built-in workers on, but only when the test runs them (the lead alarm's in-app notification).
    t = await startBrowserTestApp({
      CONVEYOR_BUILTIN_WORKERS: 'true',
      CONVEYOR_BUILTIN_WORKERS_POLL_MS: '600000',
    });
    rest = new EngineRest(t.app.http);
    for (const fixture of ['tasklist-order-review.bpmn', 'tasklist-lead-alarm.bpmn']) {
      await rest.deployOk(readFileSync(`test/browser/fixtures/${fixture}`, 'utf8'), fixture);
    }
    const admin = () => request(t.app.http);
    await admin()
      .post('/engine-rest/group/create')
      .send({ id: 'order-desk', name: 'Order desk', type: 'WORKFLOW' })
      .expect(204);
    for (const { user, password } of [EMPLOYEE, COLLEAGUE]) {
      await admin()
        .post('/engine-rest/user/create')
        .send({ profile: { id: user, firstName: user }, credentials: { password } })
        .expect(204);
      await admin().put(`/engine-rest/group/order-desk/members/${user}`).expect(204);
    }
    const start = (businessKey: string) =>
      rest.start('TasklistOrderReview', {
        businessKey,
        variables: { reviewDue: { value: YESTERDAY, type: 'Date' } },
      });
    instanceId = (await start(BUSINESS_KEY)).id;
    otherInstanceId = (await start(OTHER_KEY)).id;
  });
  afterAll(() => t.close());

  it('finds, claims, validates and completes a group task; comments; notifications', async () => {
    const { page, problems, failedRequests } = await t.newPage();
    const [task] = await rest.tasks({ processInstanceId: instanceId });

    // given the employee signed in: their own list is empty
    await signIn(page, EMPLOYEE);
    await page.waitForSelector('.tasklist-views button[data-view=mine][aria-selected=true]');
    await page.locator('.tasklist-list-status', { hasText: 'Задач нет' }).waitFor();
    expect(await page.locator('.task-rows li[data-task-id]').count()).toBe(0);
    await t.screenshot(page, 'tasklist-01-my-tasks-empty');

    // when they open their groups' tasks: both orders, overdue in red, with process and key
    await page.click('.tasklist-views button[data-view=groups]');
    await page.waitForSelector('.task-rows li[data-task-id]:nth-child(2)');
    const row = `.task-rows li[data-task-id="${task.id}"]`;
    expect(await page.textContent(`${row} [data-column=name]`)).toBe('Проверить заказ');
    expect(await page.textContent(`${row} [data-column=process]`)).toBe('Проверка заказа');
    expect(await page.textContent(`${row} [data-column=businessKey]`)).toBe(BUSINESS_KEY);
    expect(await page.textContent(`${row} [data-column=assignee]`)).toBe('не назначена');
    expect(await page.textContent(`${row} [data-column=priority]`)).toBe('70');
    expect(await page.getAttribute(row, 'data-overdue')).toBe('true');
    expect(await page.locator(`${row} [data-column=due]`).evaluate(COLOR)).toBe('rgb(192, 38, 45)');

    // and search by business key: only that order remains
    await page.fill('.tasklist-search input[name=businessKey]', '2026-017');
    await page.click('.tasklist-search button[data-action=search]');
    await page.waitForSelector('.task-rows li[data-task-id]:nth-child(2)', { state: 'detached' });
    expect(await page.locator('.task-rows li[data-task-id]').count()).toBe(1);
    expect(await page.getAttribute('.task-rows li[data-task-id]', 'data-task-id')).toBe(task.id);
    await t.screenshot(page, 'tasklist-02-groups-search-business-key');

    // and open it: header, a form with required marks (disabled until claimed), the diagram
    await page.click(row);
    await page.waitForSelector(`.tasklist-detail[data-task-id="${task.id}"] .task-form`);
    await page.waitForSelector(
      '.task-diagram .djs-element.diagram-active[data-element-id=ReviewOrder]',
    );
    expect(await page.getAttribute(row, 'aria-current')).toBe('true');
    expect(await page.textContent('.task-meta dd[data-meta=businessKey]')).toBe(BUSINESS_KEY);
    for (const field of ['customer', 'channel']) {
      expect(await page.getAttribute(`.form-field[data-field=${field}]`, 'data-required')).toBe(
        'true',
      );
      await page.waitForSelector(`.form-field[data-field=${field}] .required-mark`);
    }
    expect(await page.inputValue('[data-field-input=amount]')).toBe('100'); // the default
    expect(await page.getAttribute('[data-field-input=amount]', 'type')).toBe('number');
    expect(await page.getAttribute('[data-field-input=deliveryDate]', 'type')).toBe('date');
    expect(await page.getAttribute('[data-field-input=express]', 'type')).toBe('checkbox');
    expect(
      await page.$$eval('[data-field-input=channel] option', (options) =>
        options.map((o) => [o.getAttribute('value'), o.textContent]),
      ),
    ).toEqual([
      ['', '— выберите —'],
      ['web', 'Сайт'],
      ['phone', 'Телефон'],
    ]);
    expect(await page.isDisabled('[data-field-input=customer]')).toBe(true);
    expect(await page.textContent('.task-form-hint')).toBe(
      'Возьмите задачу в работу, чтобы заполнить форму',
    );
    await t.screenshot(page, 'tasklist-03a-task-detail');
    await page.locator('.task-diagram').scrollIntoViewIfNeeded();
    await t.screenshot(page, 'tasklist-03b-task-diagram');
    await page.locator('.task-header').scrollIntoViewIfNeeded();

    // when they claim it: the server has them as assignee and the form opens
    await page.click('.task-actions button[data-action=claim]');
    await page.waitForSelector('.task-actions button[data-action=unclaim]');
    expect((await rest.tasks({ processInstanceId: instanceId }))[0].assignee).toBe(EMPLOYEE.user);
    expect(await page.isDisabled('[data-field-input=customer]')).toBe(false);
    await t.screenshot(page, 'tasklist-04-claimed');

    // and complete with the required fields empty: the client marks them, nothing is sent
    await page.click('button[data-action=complete]');
    await page.waitForSelector('.form-field[data-field=customer][data-invalid=client]');
    expect(await page.textContent('[data-field-error=customer]')).toBe('Обязательное поле');
    expect(await page.textContent('[data-field-error=channel]')).toBe('Обязательное поле');
    expect(await page.getAttribute('.form-field[data-field=amount]', 'data-invalid')).toBeNull();
    expect(failedRequests.filter((r) => r.includes('submit-form'))).toEqual([]);
    await t.screenshot(page, 'tasklist-05-required-missing');

    // and with values the client lets through but the server refuses (too short, too much)
    await page.fill('[data-field-input=customer]', 'Ив');
    await page.fill('[data-field-input=amount]', '2000000');
    await page.selectOption('[data-field-input=channel]', 'web');
    await page.fill('[data-field-input=deliveryDate]', '2026-12-01');
    await page.check('[data-field-input=express]');
    await page.click('button[data-action=complete]');
    await page.waitForSelector('.form-field[data-field=customer][data-invalid=server]');
    expect(await page.textContent('[data-field-error=customer]')).toBe(
      "Field 'customer' must be at least 3 characters long",
    );
    expect(await page.textContent('[data-field-error=amount]')).toBe(
      "Field 'amount' must be at most 1000000",
    );
    expect(await page.getAttribute('.form-field[data-field=channel]', 'data-invalid')).toBeNull();
    expect(await rest.tasks({ processInstanceId: instanceId })).toHaveLength(1);
    await t.screenshot(page, 'tasklist-06-server-refused');

    // when they add a comment: it shows in the list and the server has it
    await page.fill('.task-comment-form textarea', 'Клиент просит доставку утром');
    await page.click('.task-comment-form button[data-action=add-comment]');
    await page.waitForSelector('.task-comments li[data-comment-id]');
    expect(await page.textContent('.task-comments .task-comment-text')).toBe(
      'Клиент просит доставку утром',
    );
    const comments = await request(t.app.http)
      .get(`/engine-rest/task/${task.id}/comment`)
      .expect(200);
    expect(comments.body).toMatchObject([
      { userId: EMPLOYEE.user, message: 'Клиент просит доставку утром' },
    ]);
    await t.screenshot(page, 'tasklist-07-comment');

    // and fix the fields and complete: the task is gone, the variables are stored typed
    await page.fill('[data-field-input=customer]', 'ООО Ромашка');
    await page.fill('[data-field-input=amount]', '1500');
    await page.click('button[data-action=complete]');
    await page.waitForSelector('.tasklist-notice[data-kind=success]');
    await page.waitForSelector('.tasklist-detail', { state: 'detached' });
    expect(await rest.tasks({ processInstanceId: instanceId })).toEqual([]);
    const stored = await request(t.app.http)
      .get('/engine-rest/history/variable-instance')
      .query({ processInstanceId: instanceId, sortBy: 'variableName', sortOrder: 'asc' })
      .expect(200);
    expect(
      stored.body.map((v: { name: string; type: string; value: unknown }) => [
        v.name,
        v.type,
        v.value,
      ]),
    ).toEqual([
      ['amount', 'Long', 1500],
      ['channel', 'String', 'web'],
      ['customer', 'String', 'ООО Ромашка'],
      ['deliveryDate', 'Date', '2026-12-01T00:00:00.000+0000'],
      ['express', 'Boolean', true],
      ['reviewDue', 'Date', YESTERDAY],
    ]);
    await t.screenshot(page, 'tasklist-08-completed');

    // when a new task arrives while another is open with a comment being typed
    await page.click('.tasklist-search button[data-action=reset-search]');
    const [otherTask] = await rest.tasks({ processInstanceId: otherInstanceId });
    const otherRow = `.task-rows li[data-task-id="${otherTask.id}"]`;
    await page.click(otherRow);
    await page.waitForSelector(`.tasklist-detail[data-task-id="${otherTask.id}"] .task-form`);
    await page.fill('.task-comment-form textarea', 'Черновик комментария');
    const third = await rest.start('TasklistOrderReview', {
      businessKey: 'ORD-2026-120',
      variables: { reviewDue: { value: YESTERDAY, type: 'Date' } },
    });
    const [thirdTask] = await rest.tasks({ processInstanceId: third.id });

    // then the list shows it without a reload (the poll), keeping the selection and the draft
    await page.waitForSelector(`.task-rows li[data-task-id="${thirdTask.id}"]`, {
      timeout: 20_000,
    });
    expect(await page.getAttribute(otherRow, 'aria-current')).toBe('true');
    expect(await page.inputValue('.task-comment-form textarea')).toBe('Черновик комментария');
    await t.screenshot(page, 'tasklist-09-live-update');

    // when the lead alarm notifies the employee twice (in-app, through the built-in worker)
    const leads = [];
    for (const clientName of ['ООО Ромашка', 'ИП Лютиков']) {
      leads.push(
        await rest.start('TasklistLeadAlarm', {
          variables: {
            manager: { value: EMPLOYEE.user, type: 'String' },
            clientName: { value: clientName, type: 'String' },
          },
        }),
      );
    }
    await t.app.app.get(BuiltInWorkers).runOnce();

    // then the bell shows two unread without a reload (the poll)
    await page.waitForSelector('.notification-count[data-count="2"]', { timeout: 20_000 });
    expect(await page.textContent('.notification-count')).toBe('2');
    await t.screenshot(page, 'tasklist-10-notification-bell');

    // and marking the first read lowers the count, on the server too
    await page.click('button[data-action=notifications]');
    await page.waitForSelector('.notification-list li[data-read=false]:nth-child(2)');
    const titles = await page.$$eval('.notification-list li strong', (all) =>
      all.map((e) => e.textContent),
    );
    expect(titles.sort()).toEqual(['Новый лид: ИП Лютиков', 'Новый лид: ООО Ромашка']);
    await t.screenshot(page, 'tasklist-11-notifications-open');
    await page.click('.notification-list li:nth-child(1) button[data-action=mark-read]');
    await page.waitForSelector('.notification-count[data-count="1"]');
    await page.waitForSelector('.notification-list li:nth-child(1)[data-read=true]');
    expect(await unreadCount(EMPLOYEE)).toBe(1);

    // and opening the other one opens its instance's task and marks it read
    const unreadTitle = await page.textContent('.notification-list li[data-read=false] strong');
    const lead = leads[unreadTitle === 'Новый лид: ООО Ромашка' ? 0 : 1];
    const [callTask] = await rest.tasks({ processInstanceId: lead.id });
    await page.click(
      '.notification-list li[data-read=false] button[data-action=open-notification]',
    );
    await page.waitForSelector(`.tasklist-detail[data-task-id="${callTask.id}"] .task-form`);
    await page.waitForSelector('.notification-count[data-count="0"]', { state: 'attached' });
    expect(await unreadCount(EMPLOYEE)).toBe(0);
    expect(await page.textContent('.task-title')).toBe('Позвонить клиенту');
    await t.screenshot(page, 'tasklist-12-notification-opened-task');

    // and English re-labels the screen in place, keeping the open task
    await page.click('.shell-header .language-switch button[data-language=en]');
    expect(await page.textContent('.tasklist-views button[data-view=groups]')).toBe(
      "My groups' tasks",
    );
    expect(await page.textContent('button[data-action=unclaim]')).toBe('Unclaim');
    expect(await page.textContent('.task-form h3')).toBe('Form');
    await page.waitForSelector(`.tasklist-detail[data-task-id="${callTask.id}"]`);
    await t.screenshot(page, 'tasklist-13-english');
    await page.click('.shell-header .language-switch button[data-language=ru]');

    expect(problems).toEqual([]);
    expect(failedRequests).toEqual([
      '401 GET /api/auth/me',
      `400 POST /engine-rest/task/${task.id}/submit-form`,
    ]);
    await page.close();
  });

  it("stacks list and task on a phone; claiming a colleague's task shows the server's refusal", async () => {
    // given the other order's task assigned to a colleague, and the employee on a phone
    const [otherTask] = await rest.tasks({ processInstanceId: otherInstanceId });
    await request(t.app.http)
      .post(`/engine-rest/task/${otherTask.id}/assignee`)
      .send({ userId: COLLEAGUE.user })
      .expect(204);
    const { page, problems, failedRequests } = await t.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, EMPLOYEE);

    // when they look at everything they may see: a list of cards, no task panel beside it
    await page.click('.tasklist-views button[data-view=all]');
    const row = `.task-rows li[data-task-id="${otherTask.id}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(`${row} [data-column=assignee]`)).toBe(COLLEAGUE.user);
    expect(await page.isVisible('.tasklist-detail-slot')).toBe(false);
    expect(await page.isVisible('.task-row-header')).toBe(false);
    const width = await page.$eval(row, (e) => e.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(390);
    await t.screenshot(page, 'tasklist-14-phone-list');

    // and open the task: the list gives way to the task, with a back button
    await page.click(row);
    await page.waitForSelector(`.tasklist-detail[data-task-id="${otherTask.id}"] .task-form`);
    expect(await page.isVisible('.tasklist-list')).toBe(false);
    expect(await page.isVisible('button[data-action=back]')).toBe(true);
    expect(await page.textContent('.task-assignment')).toBe(
      `Задача назначена на ${COLLEAGUE.user}`,
    );

    // and try to claim it: the server refuses and says why
    await page.click('button[data-action=claim]');
    await page.waitForSelector('.task-status[data-kind=error]');
    expect(await page.textContent('.task-status')).toContain('already claimed by someone else');
    expect((await rest.tasks({ processInstanceId: otherInstanceId }))[0].assignee).toBe(
      COLLEAGUE.user,
    );
    await t.screenshot(page, 'tasklist-15-phone-task-claim-refused');

    // and go back to the list
    await page.click('button[data-action=back]');
    await page.waitForSelector('.tasklist-list', { state: 'visible' });
    expect(await page.isVisible('.tasklist-detail-slot')).toBe(false);
    await t.screenshot(page, 'tasklist-16-phone-back-to-list');

    expect(problems).toEqual([]);
    expect(failedRequests).toEqual([
      '401 GET /api/auth/me',
      `400 POST /engine-rest/task/${otherTask.id}/claim`,
    ]);
    await page.close();
  });

  it('returns to the open task after the session expired and the employee signed in again', async () => {
    // given the employee at a task of their group, by its address
    const [task] = await rest.tasks({ processInstanceId: otherInstanceId });
    const { page, problems } = await t.newPage();
    await signIn(page, EMPLOYEE);
    await page.goto(`${t.baseUrl}/#/tasklist/task/${task.id}`);
    await page.waitForSelector(`.tasklist-detail[data-task-id="${task.id}"] .task-form`);

    // when the session ends (its cookie gone) and the next request is refused
    await page.context().clearCookies();
    await page.click('[data-action=notifications]');
    await page.waitForSelector('form.login-form');

    // then signing in again opens that same task, not just the tasklist
    await page.fill('input[name=username]', EMPLOYEE.user);
    await page.fill('input[name=password]', EMPLOYEE.password);
    await page.click('form.login-form button[type=submit]');
    await page.waitForSelector(`.tasklist-detail[data-task-id="${task.id}"] .task-form`);
    expect(new URL(page.url()).hash).toBe(`#/tasklist/task/${task.id}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  async function signIn(page: Page, who: { user: string; password: string }): Promise<void> {
    await page.goto(`${t.baseUrl}/#/tasklist`);
    await page.fill('input[name=username]', who.user);
    await page.fill('input[name=password]', who.password);
    await page.click('form.login-form button[type=submit]');
    await page.waitForSelector('.tasklist-page');
  }

  async function unreadCount(who: { user: string; password: string }): Promise<number> {
    const res = await request(t.app.anonymous)
      .get('/api/notifications/count')
      .query({ unread: true })
      .set('Authorization', basicAuth(who.user, who.password))
      .expect(200);
    return res.body.count;
  }
});
