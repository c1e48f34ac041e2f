import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The service serves the built web app at `/` (here a stand-in build under test/fixtures). */
describe('web app serving', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CONVEYOR_WEB_APP_DIR: 'test/fixtures/web-app' });
  });
  afterAll(() => t.close());

  it('serves index.html at / to anyone, revalidated on every load', async () => {
    // given no credentials
    // when
    const res = await request(t.anonymous).get('/').expect(200);
    // then
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="app">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the hashed assets as immutable', async () => {
    const res = await request(t.anonymous).get('/assets/index-Fixture1.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the CSP the built app is made for: own scripts only, inline styles, data: images', async () => {
    const res = await request(t.anonymous).get('/').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('keeps the API behind authentication', async () => {
    await request(t.anonymous).get('/engine-rest/process-definition').expect(401);
    await request(t.anonymous).get('/api/auth/me').expect(401);
  });

  it('answers a missing file like any unknown route', async () => {
    const res = await request(t.anonymous).get('/assets/no-such-file.js');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('does not answer writes with files', async () => {
    const res = await request(t.anonymous).post('/index.html').send({});
    expect(res.status).not.toBe(200);
  });

  it('runs API-only when there is no build', async () => {
    const apiOnly = await startTestApp({ CONVEYOR_WEB_APP_DIR: 'test/fixtures/no-such-dir' });
    try {
      await request(apiOnly.anonymous).get('/index.html').expect(404);
    } finally {
      await apiOnly.close();
    }
  });
});
