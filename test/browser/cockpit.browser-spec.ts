import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import request from 'supertest';
import { basicAuth } from '../support/test-app.js';
import { startBrowserTestApp, type BrowserTestApp } from './browser-support.js';

const MANAGER = { user: 'cockpit-boss', password: 'cockpit-boss-password' };
const EMPLOYEE = { user: 'cockpit-emp', password: 'cockpit-emp-password' };
const ORDER_XML = readFileSync(new URL('./fixtures/cockpit-order.bpmn', import.meta.url), 'utf8');

/**
 * The managers' cockpit in chromium: a manager (conveyor-managers, with one employee below them)
 * watches instances of a small order process — start form → user task → one-hour timer →
 * external task — on the dashboard and the diagram, fast-forwards the timer, retries an incident,
 * edits a variable, finds overdue tasks, starts an instance through the start form and cancels
 * one. Every action is checked against the service's state through REST.
 */
describe('web app in chromium: the cockpit', () => {
  let t: BrowserTestApp;
  let page: Page;
  let problems: string[];
  let failedRequests: string[];
  let orderA: string;
  let orderB: string;

  const as = (who: { user: string; password: string }) => {
    const auth = basicAuth(who.user, who.password);
    const http = () => request(t.app.anonymous);
    return {
      get: (path: string) => http().get(`/engine-rest${path}`).set('Authorization', auth),
      post: (path: string, body: object = {}) =>
        http().post(`/engine-rest${path}`).set('Authorization', auth).send(body),
    };
  };
  const admin = {
    get: (path: string) => request(t.app.http).get(`/engine-rest${path}`),
    post: (path: string, body: object = {}) =>
      request(t.app.http).post(`/engine-rest${path}`).send(body),
  };

  beforeAll(async () => {
    t = await startBrowserTestApp();
    // the order process
    const deployed = await request(t.app.http)
      .post('/engine-rest/deployment/create')
      .attach('data', Buffer.from(ORDER_XML), 'cockpit-order.bpmn');
    expect(deployed.status).toBe(200);
    // a manager and the employee below them, created through the identity REST API
    await admin.post('/group/create', {
      id: 'conveyor-managers',
      name: 'Managers',
      type: 'SYSTEM',
    });
    await admin
      .post('/group/create', { id: 'cockpit-team', name: 'Cockpit team', type: 'WORKFLOW' })
      .expect(204);
    await admin
      .post('/user/create', {
        profile: { id: MANAGER.user, firstName: 'Olga', lastName: 'Boss' },
        credentials: { password: MANAGER.password },
      })
      .expect(204);
    await admin
      .post('/user/create', {
        profile: {
          id: EMPLOYEE.user,
          firstName: 'Ivan',
          lastName: 'Worker',
          managerId: MANAGER.user,
        },
        credentials: { password: EMPLOYEE.password },
      })
      .expect(204);
    await request(t.app.http)
      .put(`/engine-rest/group/conveyor-managers/members/${MANAGER.user}`)
      .expect(204);
    await request(t.app.http)
      .put(`/engine-rest/group/cockpit-team/members/${EMPLOYEE.user}`)
      .expect(204);
    // two running orders, started by the manager
    const start = async (businessKey: string, customer: string) => {
      const res = await as(MANAGER).post('/process-definition/key/CockpitOrder/start', {
        businessKey,
        variables: { customer: { value: customer, type: 'String' } },
      });
      expect(res.status).toBe(200);
      return res.body.id as string;
    };
    orderA = await start('order-A', 'Alpha');
    orderB = await start('order-B', 'Bravo');
    ({ page, problems, failedRequests } = await t.newPage());
  });
  afterAll(() => t.close());

  it('signs the manager in and shows the dashboard with the running and incident counts', async () => {
    await page.goto(`${t.baseUrl}/#/cockpit`);
    await page.fill('input[name=username]', MANAGER.user);
    await page.fill('input[name=password]', MANAGER.password);
    await page.click('form.login-form button[type=submit]');
    await page.waitForSelector('.cockpit-tabs a[data-cockpit-tab=definitions].active');
    await expectText('[data-count=instances][data-definition-key=CockpitOrder]', '2');
    await expectText('[data-count=incidents][data-definition-key=CockpitOrder]', '0');
    expect(await page.textContent('.cockpit-tabs a[data-cockpit-tab=instances]')).toBe(
      'Экземпляры',
    );
    await t.screenshot(page, 'cockpit-01-dashboard');
  });

  it('shows the definition diagram with the waiting instances at the user task, and a heatmap', async () => {
    await page.click('a[data-action=diagram][data-definition-key=CockpitOrder]');
    await expectText('.diagram-badge[data-kind=count][data-element-id=Review]', '2');
    expect(await page.locator('.diagram-badge[data-kind=incident]').count()).toBe(0);
    await page.check('input[data-action=heatmap]');
    await page.waitForSelector('.diagram-heat[data-element-id=Review]');
    await t.screenshot(page, 'cockpit-02-definition-diagram');
  });

  it('finds an instance by business key and shows it waiting at the user task', async () => {
    await page.click('.cockpit-tabs a[data-cockpit-tab=instances]');
    await page.fill('input[data-field=businessKey]', 'order-A');
    await page.click('form[data-form=instance-search] button[type=submit]');
    await page.waitForSelector(`table[data-table=instances] a[data-instance-id="${orderA}"]`);
    expect(await page.locator('table[data-table=instances] tbody tr').count()).toBe(1);
    await t.screenshot(page, 'cockpit-03-instances');
    await page.click(`a[data-instance-id="${orderA}"]`);
    await page.waitForSelector('.djs-element.diagram-active[data-element-id=Review]');
    await page.waitForSelector('table[data-table=tasks] [data-task-id]');
    expect(await page.textContent('table[data-table=tasks] tbody tr')).toContain(EMPLOYEE.user);
    await t.screenshot(page, 'cockpit-04-instance-user-task');
  });

  it('after the task is done shows the timer as the active activity with its due date', async () => {
    // given the employee completes the task (REST), the manager reloads
    const [task] = (await as(EMPLOYEE).get(`/task?processInstanceId=${orderA}`)).body as {
      id: string;
    }[];
    await as(EMPLOYEE).post(`/task/${task.id}/complete`, {}).expect(204);
    await page.reload();
    // then the timer waits, the user task is on the path taken, the timer is listed with its due date
    await page.waitForSelector('.djs-element.diagram-active[data-element-id=WaitAnHour]');
    await page.waitForSelector('.djs-element.diagram-taken[data-element-id=Review]');
    const [job] = (await admin.get(`/job?processInstanceId=${orderA}`)).body as {
      id: string;
      dueDate: string;
    }[];
    const row = page.locator(`table[data-table=jobs] tr:has([data-job-id="${job.id}"])`);
    expect(await row.locator('time').getAttribute('datetime')).toBe(job.dueDate);
    expect((await row.locator('time').textContent())?.length).toBeGreaterThan(5);
    await t.screenshot(page, 'cockpit-05-instance-timer');
  });

  it('"Run now" fast-forwards the timer and the instance moves on to the external task', async () => {
    await page.click('button[data-action=run-job]');
    await page.waitForSelector('.cockpit-instance[data-active-activities=Ship]');
    expect((await admin.get(`/job?processInstanceId=${orderA}`)).body).toEqual([]);
    const external = (await admin.get(`/external-task?processInstanceId=${orderA}`)).body;
    expect(external).toEqual([
      expect.objectContaining({ activityId: 'Ship', topicName: 'cockpit-ship' }),
    ]);
  });

  it('shows an external task failure as an incident, and "Retry" resolves it', async () => {
    // given a worker fails the task without retries left
    const locked = await admin
      .post('/external-task/fetchAndLock', {
        workerId: 'carrier',
        maxTasks: 5,
        topics: [{ topicName: 'cockpit-ship', lockDuration: 60_000 }],
      })
      .expect(200);
    const externalTaskId = (locked.body as { id: string; processInstanceId: string }[]).find(
      (task) => task.processInstanceId === orderA,
    )?.id as string;
    await admin
      .post(`/external-task/${externalTaskId}/failure`, {
        workerId: 'carrier',
        errorMessage: 'Carrier is down',
        retries: 0,
        retryTimeout: 0,
      })
      .expect(204);
    expect((await admin.get(`/incident?processInstanceId=${orderA}`)).body).toHaveLength(1);
    // when the manager refreshes the instance page
    await page.click('.cockpit-instance button[data-action=refresh]');
    await page.waitForSelector('button[data-action=retry]');
    await page.waitForSelector('.diagram-badge[data-kind=incident][data-element-id=Ship]');
    expect(await page.textContent('table[data-table=incidents]')).toContain('Carrier is down');
    await t.screenshot(page, 'cockpit-06-incident');
    await page.click('button[data-action=retry]');
    // then the incident is gone on the page and in the service, and the task has a retry again
    await page.waitForSelector('section[data-section=incidents] .cockpit-none');
    expect((await admin.get(`/incident?processInstanceId=${orderA}`)).body).toEqual([]);
    expect((await admin.get(`/external-task/${externalTaskId}`)).body.retries).toBe(1);
  });

  it('edits a variable and adds one, typed', async () => {
    await page.click('button[data-action=edit-variable][data-variable=customer]');
    await page.fill('.cockpit-value input[data-field=variable-value]', 'Alpha & Sons');
    await page.click('button[data-action=save-variable][data-variable=customer]');
    // the page reloads its sections after the save: the new value shows once that is done
    await page.waitForSelector('.cockpit-status[data-kind=success]');
    await page.waitForSelector(
      'table[data-table=variables] .cockpit-value:text-is("Alpha & Sons")',
    );
    await page.fill('input[data-field=new-variable-name]', 'priority');
    await page.selectOption(
      'form[data-form=add-variable] select[data-field=variable-type]',
      'Long',
    );
    await page.fill('form[data-form=add-variable] input[data-field=variable-value]', '5');
    await page.click('form[data-form=add-variable] button[type=submit]');
    await page.waitForSelector('table[data-table=variables] code[data-variable=priority]');
    const variables = (await admin.get(`/process-instance/${orderA}/variables`)).body;
    expect(variables.customer).toMatchObject({ value: 'Alpha & Sons', type: 'String' });
    expect(variables.priority).toMatchObject({ value: 5, type: 'Long' });
    // and the history names who changed it
    await page.waitForSelector('.cockpit-timeline li[data-kind=operation]');
    expect(await page.textContent('section[data-section=timeline]')).toContain(MANAGER.user);
    await t.screenshot(page, 'cockpit-07-instance-variables-history');
  });

  it('counts overdue tasks per employee and per group', async () => {
    const taskReads: string[] = [];
    const seeRequest = (r: Request) => {
      if (r.url().includes('/engine-rest/task')) taskReads.push(new URL(r.url()).pathname);
    };
    page.on('request', seeRequest);
    await page.click('.cockpit-tabs a[data-cockpit-tab=overdue]');
    // order-B still waits at its task (due 2020-01-01); order-A's was completed
    await expectText(`details[data-assignee="${EMPLOYEE.user}"] [data-count=overdue]`, '1');
    await expectText('details[data-group=cockpit-team] [data-count=overdue]', '1');
    page.off('request', seeRequest);
    // the groups come with the task list, not from one identity-link request per task
    expect(taskReads).toEqual(['/engine-rest/task']);
    await page.click(`details[data-assignee="${EMPLOYEE.user}"] summary`);
    await page.waitForSelector(
      `details[data-assignee="${EMPLOYEE.user}"] a[data-instance-id="${orderB}"]`,
    );
    await t.screenshot(page, 'cockpit-08-overdue');
  });

  it('starts an instance through the start form and lands on its page', async () => {
    await page.click('.cockpit-tabs a[data-cockpit-tab=start]');
    await page.waitForSelector('form[data-form=start] [data-field-input=customer]');
    expect(await page.inputValue('form[data-form=start] [data-field-input=amount]')).toBe('100');
    await page.fill('form[data-form=start] [data-field-input=customer]', 'Gamma');
    await page.fill('form[data-form=start] [data-field-input=amount]', '300');
    await page.check('form[data-form=start] [data-field-input=express]');
    await page.fill('form[data-form=start] input[data-field=businessKey]', 'order-C');
    await t.screenshot(page, 'cockpit-09-start-form');
    await page.click('form[data-form=start] button[data-action=start]');
    await page.waitForURL(/#\/cockpit\/instance\/[^/]+$/);
    const startedId = decodeURIComponent(page.url().split('/').pop() as string);
    await page.waitForSelector(
      `.cockpit-instance[data-instance-id="${startedId}"] .djs-element.diagram-active[data-element-id=Review]`,
    );
    const history = (await admin.get(`/history/process-instance/${startedId}`)).body;
    expect(history).toMatchObject({
      businessKey: 'order-C',
      startUserId: MANAGER.user,
      state: 'ACTIVE',
    });
    const variables = (await admin.get(`/process-instance/${startedId}/variables`)).body;
    expect(variables).toMatchObject({
      customer: { value: 'Gamma', type: 'String' },
      amount: { value: 300, type: 'Long' },
      express: { value: true, type: 'Boolean' },
    });
    await t.screenshot(page, 'cockpit-10-started-instance');
  });

  it('cancels an instance after confirmation', async () => {
    await page.goto(`${t.baseUrl}/#/cockpit/instance/${orderB}`);
    await page.waitForSelector('.djs-element.diagram-active[data-element-id=Review]');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button[data-action=cancel-instance]');
    await page.waitForSelector('.cockpit-instance[data-state=EXTERNALLY_TERMINATED]');
    await admin.get(`/process-instance/${orderB}`).expect(404);
    expect((await admin.get(`/history/process-instance/${orderB}`)).body.state).toBe(
      'EXTERNALLY_TERMINATED',
    );
    await t.screenshot(page, 'cockpit-11-canceled-instance');
  });

  it('switches to English in place, and nothing went wrong in the browser', async () => {
    await page.click('.shell-header .language-switch button[data-language=en]');
    expect(await page.textContent('.cockpit-tabs a[data-cockpit-tab=instances]')).toBe('Instances');
    expect(await page.textContent('button[data-action=refresh]')).toBe('Refresh');
    await t.screenshot(page, 'cockpit-12-english');
    expect(problems).toEqual([]);
    expect(failedRequests).toEqual(['401 GET /api/auth/me']);
  });

  /** Waits until an element matching `selector` reads exactly `text`. */
  async function expectText(selector: string, text: string): Promise<void> {
    await page.waitForSelector(`${selector}:text-is("${text}")`);
  }
});
