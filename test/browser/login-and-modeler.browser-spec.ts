import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PROCESSES_DIR, TEST_ADMIN } from '../support/test-app.js';
import { startBrowserTestApp, type BrowserTestApp } from './browser-support.js';

/**
 * The first browser test of the web app: the login, the shell and the modeler load in a real
 * chromium under the service's real CSP, and a deploy refused by the server marks the element.
 */
describe('web app in chromium: login and modeler', () => {
  let t: BrowserTestApp;
  beforeAll(async () => {
    t = await startBrowserTestApp({ CONVEYOR_PROCESSES_DIR: PROCESSES_DIR });
  });
  afterAll(() => t.close());

  it('signs in, opens the modeler with the Camunda properties panel, switches language', async () => {
    // given a signed-out visitor
    const { page, problems, failedRequests } = await t.newPage();
    await page.goto(`${t.baseUrl}/#/modeler`);

    // when they land on the login page (Russian by default) and sign in
    await page.waitForSelector('form.login-form');
    expect(await page.textContent('.login-form h1')).toBe('Вход в Conveyor');
    expect(existsSync(await t.screenshot(page, '01-login'))).toBe(true);
    await page.fill('input[name=username]', TEST_ADMIN.user);
    await page.fill('input[name=password]', TEST_ADMIN.password);
    await page.click('form.login-form button[type=submit]');

    // then the shell shows the modeler they asked for, with bpmn-js and the properties panel
    await page.waitForSelector('.shell-header nav a[data-route=modeler].active');
    await page.waitForSelector('.modeler-canvas .djs-container');
    await page.waitForSelector('.djs-element[data-element-id=StartEvent_1]');
    await page.waitForSelector('.modeler-properties .bio-properties-panel');
    await page.click('.djs-element[data-element-id=StartEvent_1]');
    // The Camunda 7 provider adds its groups (here: the start event's form and initiator).
    await page.waitForSelector(
      '.bio-properties-panel-group[data-group-id=group-CamundaPlatform__Form]',
    );
    expect(existsSync(await t.screenshot(page, '02-modeler'))).toBe(true);

    // and the English switch re-labels the shell and the toolbar in place
    await page.click('.shell-header .language-switch button[data-language=en]');
    expect(await page.textContent('.shell-header nav a[data-route=modeler]')).toBe('Modeler');
    expect(await page.textContent('.modeler-toolbar button[data-action=deploy]')).toBe('Deploy');

    // and nothing broke on the way: no script error, no CSP violation, no missing file
    expect(problems).toEqual([]);
    expect(failedRequests).toEqual(['401 GET /api/auth/me']);
    await page.close();
  });

  it('imports a .bpmn file, deploys it, and marks the element the server refused', async () => {
    // given a signed-in analyst in the modeler with a diagram whose timer is broken
    const { page, problems, failedRequests } = await t.newPage();
    await signIn(page);
    await importFile(page, 'modeler-deploy-shows-problems.bpmn');
    await page.waitForSelector('.djs-element[data-element-id=WaitABit]');

    // when they deploy
    await page.click('.modeler-toolbar button[data-action=deploy]');

    // then the timer is outlined, badged and listed; the other elements are not
    await page.waitForSelector(
      '.modeler-status[data-kind=error], .modeler-status[data-kind=success]',
    );
    await page.waitForSelector('.djs-element.conveyor-invalid[data-element-id=WaitABit]');
    await page.waitForSelector('.conveyor-problem-badge[data-element-id=WaitABit]');
    expect(await page.locator('.djs-element.conveyor-invalid').count()).toBe(1);
    expect(await page.textContent('.problem-list li[data-element-id=WaitABit]')).toMatch(
      /^WaitABit: /,
    );
    expect(await page.getAttribute('.modeler-status', 'data-kind')).toBe('error');
    await t.screenshot(page, '03-modeler-deploy-problems');
    expect(problems).toEqual([]);
    expect(failedRequests).toEqual([
      '401 GET /api/auth/me',
      '400 POST /engine-rest/deployment/create',
    ]);
    await page.close();
  });

  it('opens a deployed definition and exports it as a .bpmn file', async () => {
    // given a signed-in analyst and the business processes deployed at start
    const { page, problems } = await t.newPage();
    await signIn(page);

    // when they open the first deployed definition from the list
    await page.click('.modeler-toolbar button[data-action=open]');
    await page.waitForSelector('dialog.definition-picker[open] select option');
    const chosen = await page.inputValue('dialog.definition-picker select');
    await page.click('dialog.definition-picker .dialog-buttons button.primary');

    // then its diagram replaces the new one, and the export downloads that process's diagram
    await page.waitForSelector('dialog.definition-picker', { state: 'detached' });
    await page.waitForSelector('.djs-element[data-element-id=StartEvent_1]', { state: 'detached' });
    const processKey = chosen.split(':')[0];
    await page.locator('.djs-element').nth(3).waitFor({ state: 'attached' });
    await t.screenshot(page, '04-modeler-opened-definition');
    const download = page.waitForEvent('download');
    await page.click('.modeler-toolbar button[data-action=export]');
    expect((await download).suggestedFilename()).toBe(`${processKey}.bpmn`);
    expect(problems).toEqual([]);
    await page.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/#/modeler`);
    await page.fill('input[name=username]', TEST_ADMIN.user);
    await page.fill('input[name=password]', TEST_ADMIN.password);
    await page.click('form.login-form button[type=submit]');
    await page.waitForSelector('.modeler-canvas .djs-container');
  }

  async function importFile(page: Page, fixture: string): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.click('.modeler-toolbar button[data-action=import]');
    await (
      await chooser
    ).setFiles({
      name: fixture,
      mimeType: 'application/xml',
      buffer: readFileSync(new URL(`./fixtures/${fixture}`, import.meta.url)),
    });
  }
});
