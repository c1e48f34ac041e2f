import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { CAST_PASSWORD, createCast } from './cast.js';

/** The web app's login: session cookie, CSRF token on writes, logout, rate limit, cross-site writes. */
describe('web app sessions (/api/auth)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await createCast(t);
  });
  afterAll(() => t.close());

  async function login(username: string, password = CAST_PASSWORD) {
    const res = await request(t.anonymous)
      .post('/api/auth/login')
      .send({ username, password })
      .expect(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    return { res, cookie, csrf: res.body.csrfToken as string };
  }

  it('sets an HttpOnly, SameSite=Strict cookie that signs the user in, and tells who they are', async () => {
    const { res, cookie, csrf } = await login('ivan');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^conveyor_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(res.body).toEqual({
      userId: 'ivan',
      roles: ['employee'],
      groupIds: ['sales'],
      csrfToken: csrf,
    });
    const me = await request(t.anonymous).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ userId: 'ivan', csrfToken: csrf });
    await request(t.anonymous).get('/engine-rest/task').set('Cookie', cookie).expect(200);
  });

  it('needs the CSRF token on writes made with the cookie', async () => {
    const { cookie, csrf } = await login('olga');
    const body = { messageName: 'nobody-waits-for-this' };
    const without = await request(t.anonymous)
      .post('/engine-rest/message')
      .set('Cookie', cookie)
      .send(body);
    expect(without.status).toBe(403);
    expect(without.body.message).toBe('Missing or wrong CSRF token');
    const wrong = await request(t.anonymous)
      .post('/engine-rest/message')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'guessed')
      .send(body);
    expect(wrong.status).toBe(403);
    // with the token the request reaches the handler (which finds no waiting execution)
    const right = await request(t.anonymous)
      .post('/engine-rest/message')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send(body);
    expect(right.status).toBe(400);
    expect(right.body.type).toBe('MismatchingMessageCorrelationException');
  });

  it('refuses a write from another site, whatever the credentials', async () => {
    const { cookie, csrf } = await login('olga');
    const res = await request(t.anonymous)
      .post('/engine-rest/message')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('Origin', 'https://evil.example')
      .send({ messageName: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('Cross-site requests may not change anything');
  });

  it('ends the session on logout', async () => {
    const { cookie } = await login('petr');
    await request(t.anonymous).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    const after = await request(t.anonymous).get('/api/auth/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.type).toBe('AuthenticationException');
  });

  it('refuses a wrong password with 401 and, after five, any attempt for that user with 429', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await request(t.anonymous)
        .post('/api/auth/login')
        .send({ username: 'sergey', password: 'not-his-password' });
      expect(res.status).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const locked = await request(t.anonymous)
      .post('/api/auth/login')
      .send({ username: 'sergey', password: CAST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.type).toBe('AuthenticationException');
    // Basic authentication shares the budget
    await request(t.anonymous).get('/engine-rest/task').auth('sergey', CAST_PASSWORD).expect(429);
  });

  it('answers 400 to a malformed login and 401 to an unknown user, the same as a wrong password', async () => {
    await request(t.anonymous).post('/api/auth/login').send({ username: 'ivan' }).expect(400);
    const unknown = await request(t.anonymous)
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'whatever-it-is' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe('Wrong user id or password');
  });
});
