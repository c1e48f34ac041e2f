import request from 'supertest';
import type { Page } from 'playwright-core';
import { createCast, CAST_PASSWORD } from '../authorization/cast.js';
import { startBrowserTestApp, type BrowserTestApp } from './browser-support.js';

/**
 * Issue 7's analyst scenario: draw a process by clicking (palette, context pad, replace menu,
 * properties panel — no XML), see the live lint, deploy it, then break an element and see the
 * server's refusal on that element.
 */
describe('web app in chromium: an analyst draws and deploys a process', () => {
  let t: BrowserTestApp;
  beforeAll(async () => {
    t = await startBrowserTestApp();
    await createCast(t.app);
  });
  afterAll(() => t.close());

  it('draws a user task and a timer, deploys, and sees a broken timer refused on the element', async () => {
    // given the analyst anna in the modeler with a new diagram (Russian labels in bpmn-js too)
    const { page, problems } = await t.newPage();
    await signIn(page, 'anna');
    await page.waitForSelector('.djs-element[data-element-id=StartEvent_1]');
    expect(await page.getAttribute('.djs-palette [data-action="create.task"]', 'aria-label')).toBe(
      'Создать задачу',
    );
    await page.locator('.djs-minimap').waitFor();

    // when she appends a task to the start event and turns it into a user task
    await page.click('.djs-element[data-element-id=StartEvent_1]');
    await page.click('.djs-context-pad [data-action="append.append-task"]');
    await page.keyboard.type('Позвонить клиенту');
    await page.click('.modeler-canvas', { position: { x: 20, y: 400 } });
    const taskId = await selectedAfterClicking(page, 'Позвонить клиенту');
    await page.click('.djs-context-pad [data-action=replace]');
    await page.click('.djs-popup [data-id=replace-with-user-task]');
    await page.waitForSelector('.djs-popup', { state: 'detached' });

    // and assigns it to a group in the properties panel
    await selectElement(page, taskId);
    await openGroup(page, 'CamundaPlatform__UserAssignment');
    await page.fill('#bio-properties-panel-candidateGroups', 'sales');
    await page.fill('#bio-properties-panel-dueDate', '${now()}');

    // and appends a timer of one hour after it, and an end event
    await selectElement(page, taskId);
    await page.click('.djs-context-pad [data-action="append.intermediate-event"]');
    await page.keyboard.type('Час на ответ');
    await page.click('.modeler-canvas', { position: { x: 20, y: 400 } });
    const timerId = await selectedAfterClicking(page, 'Час на ответ');
    await page.click('.djs-context-pad [data-action=replace]');
    await page.click('.djs-popup [data-id=replace-with-timer-intermediate-catch]');
    await page.waitForSelector('.djs-popup', { state: 'detached' });
    await selectElement(page, timerId);
    await openGroup(page, 'timer');
    await page.selectOption('#bio-properties-panel-timerEventDefinitionType', 'timeDuration');
    await page.fill('#bio-properties-panel-timerEventDefinitionValue', 'PT1H');
    await selectElement(page, timerId);
    await page.click('.djs-context-pad [data-action="append.end-event"]');
    await page.keyboard.press('Escape');
    await t.screenshot(page, 'modeler-10-drawn');

    // then the live lint marks nothing as an error (warnings, e.g. an unnamed end, are allowed)
    await page.waitForSelector('.bjsl-button');
    expect(await page.locator('.bjsl-overlay .bjsl-icon-error').count()).toBe(0);

    // when she deploys
    await page.click('.modeler-toolbar button[data-action=deploy]');
    await page.waitForSelector('.modeler-status[data-kind=success]');
    await t.screenshot(page, 'modeler-11-deployed');

    // then the service runs what she drew: an instance waits at her user task for group sales
    const definitions = await request(t.app.http).get(
      '/engine-rest/process-definition?latestVersion=true',
    );
    const drawn = (definitions.body as { id: string; key: string }[]).find((definition) =>
      definition.key.startsWith('Process_'),
    );
    expect(drawn).toBeDefined();
    const started = await request(t.app.http)
      .post(`/engine-rest/process-definition/${drawn!.id}/start`)
      .send({});
    expect(started.status).toBe(200);
    const tasks = await request(t.app.http).get(
      `/engine-rest/task?processInstanceId=${(started.body as { id: string }).id}`,
    );
    expect(tasks.body).toEqual([
      expect.objectContaining({ name: 'Позвонить клиенту', taskDefinitionKey: taskId }),
    ]);
    const links = await request(t.app.http).get(
      `/engine-rest/task/${(tasks.body as { id: string }[])[0].id}/identity-links`,
    );
    expect(links.body).toEqual([expect.objectContaining({ groupId: 'sales', type: 'candidate' })]);

    // when she breaks the timer's duration and deploys again
    await selectElement(page, timerId);
    await page.fill('#bio-properties-panel-timerEventDefinitionValue', 'in about an hour');
    await page.click('.modeler-toolbar button[data-action=deploy]');

    // then the server's refusal is on the timer, and nothing new was deployed
    await page.waitForSelector(`.djs-element.conveyor-invalid[data-element-id=${timerId}]`);
    expect(await page.textContent(`.problem-list li[data-element-id=${timerId}]`)).toContain(
      timerId,
    );
    await t.screenshot(page, 'modeler-12-refused-timer');
    const after = await request(t.app.http).get(
      `/engine-rest/process-definition?key=${drawn!.key}`,
    );
    expect(after.body).toHaveLength(1);

    // and an unconnected task is a live lint error before any deploy
    await page.click('.djs-palette [data-action="create.task"]');
    await page.mouse.click(700, 650);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.bjsl-overlay .bjsl-icon-error');
    await t.screenshot(page, 'modeler-13-lint-error');
    expect(problems).toEqual([]);
    await page.close();
  });

  async function signIn(page: Page, user: string): Promise<void> {
    await page.goto(`${t.baseUrl}/#/modeler`);
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', CAST_PASSWORD);
    await page.click('form.login-form button[type=submit]');
    await page.waitForSelector('.modeler-canvas .djs-container');
  }

  /** Selects the element labelled `name` and returns its id (bpmn-js generates ids). */
  async function selectedAfterClicking(page: Page, name: string): Promise<string> {
    const labelled = page.locator('.djs-element.djs-shape', { hasText: name }).first();
    // An event's name is a separate label element, `<id>_label`.
    const id = (await labelled.getAttribute('data-element-id'))?.replace(/_label$/, '');
    if (!id) throw new Error(`no element labelled ${name}`);
    await selectElement(page, id);
    return id;
  }

  /**
   * Clicks an element near its top-left corner (away from its label) until it is selected: while
   * focus is elsewhere (a closed popup menu, a properties panel input) the first click on the
   * canvas only gives it focus, as for a user.
   */
  async function selectElement(page: Page, id: string): Promise<void> {
    const element = page.locator(`.djs-element[data-element-id=${id}]`);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await element.click({ position: { x: 8, y: 8 } });
      await page.waitForTimeout(300);
      if ((await element.getAttribute('class'))?.includes('selected')) return;
    }
    throw new Error(`${id} could not be selected`);
  }

  async function openGroup(page: Page, groupId: string): Promise<void> {
    const header = page.locator(
      `.bio-properties-panel-group[data-group-id="group-${groupId}"] .bio-properties-panel-group-header`,
    );
    if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
  }
});
