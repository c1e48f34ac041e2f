import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Screenshots and traces of the browser tests; CI keeps test-output/ as an artifact. */
export const BROWSER_OUTPUT_DIR = path.resolve('test-output/browser');

/** The flags Debian's chromium needs in a container without a display, GPU or user namespace. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/**
 * Debian's chromium: /usr/bin/chromium is a wrapper script that adds its own flags, so the binary
 * behind it is launched directly. CHROMIUM_PATH overrides both.
 */
function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error('chromium is not installed: apt-get install -y chromium');
  return found;
}

export interface BrowserTestApp {
  app: TestApp;
  browser: Browser;
  baseUrl: string;
  /**
   * A fresh page recording script problems (console errors, uncaught errors, CSP violations) and,
   * separately, every HTTP answer of 400 or more as "401 GET /api/auth/me".
   */
  newPage(): Promise<{ page: Page; problems: string[]; failedRequests: string[] }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real service, listening on a free loopback port and serving the real build
 * (web-modeler/dist: run `npm run build` first), and a headless chromium pointed at it.
 */
export async function startBrowserTestApp(
  env: Record<string, string> = {},
): Promise<BrowserTestApp> {
  // BROWSER_WEB_APP_DIR: a build elsewhere (`vite build web-modeler --outDir …`), for parallel work.
  const webAppDir = process.env.BROWSER_WEB_APP_DIR ?? 'web-modeler/dist';
  if (!existsSync(path.join(webAppDir, 'index.html'))) {
    throw new Error(`${webAppDir} is missing: run npm run build before the browser tests`);
  }
  const app = await startTestApp({ CONVEYOR_WEB_APP_DIR: webAppDir, ...env });
  const server = app.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_FLAGS,
  });
  mkdirSync(BROWSER_OUTPUT_DIR, { recursive: true });
  return {
    app,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const problems: string[] = [];
      const failedRequests: string[] = [];
      page.on('console', (message) => {
        // A failed request is also logged to the console; failedRequests reports it precisely.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(`console: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() < 400) return;
        const url = new URL(response.url());
        failedRequests.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
      });
      return { page, problems, failedRequests };
    },
    async screenshot(page, name) {
      const file = path.join(BROWSER_OUTPUT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}
