import request from 'supertest';
import { DataSource } from 'typeorm';
import { ROLE_GROUPS, type Role } from '../../src/auth/roles.js';
import { hashPassword } from '../../src/identity/password-hasher.js';
import { basicAuth, startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import { registeredRoutes } from './registered-routes.js';
import { PUBLIC, ROUTE_ACCESS } from './route-access.js';

const PASSWORD = 'route-guard-password';
/** One signed-in user per role (the admin is the test app's own). */
const USERS: Record<Role, string> = {
  admin: TEST_ADMIN.user,
  analyst: 'anna-analyst',
  manager: 'mark-manager',
  employee: 'emma-employee',
  worker: 'walt-worker',
};

function call(t: TestApp, route: string, authorization?: string): request.Test {
  const [method, pattern] = route.split(' ');
  const path = pattern.replace(/:[A-Za-z]+/g, 'no-such-id');
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  const req = request(t.anonymous)[verb](path);
  if (authorization) req.set('Authorization', authorization);
  return method === 'GET' ? req : req.send({});
}

/** Whether the route guard refused (as opposed to the handler answering 400/404 for the dummy id). */
function deniedByGuard(res: request.Response): boolean {
  return res.status === 403 && / is not allowed to /.test(String(res.body?.message));
}

/** Every registered route against every role: deny by default, the declared roles let through. */
describe('authorization of every route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(DataSource);
    const hash = await hashPassword(PASSWORD);
    for (const [role, user] of Object.entries(USERS) as [Role, string][]) {
      if (role === 'admin') continue;
      await db.query(
        `INSERT INTO identity_user (id, first_name, password_hash) VALUES ($1, $1, $2)`,
        [user, hash],
      );
      if (role === 'employee') continue;
      const group = ROLE_GROUPS[role];
      await db.query(
        `INSERT INTO identity_group (id, name, type) VALUES ($1, $1, 'SYSTEM') ON CONFLICT DO NOTHING`,
        [group],
      );
      await db.query(`INSERT INTO identity_membership (user_id, group_id) VALUES ($1, $2)`, [
        user,
        group,
      ]);
    }
  });
  afterAll(() => t.close());

  it('has an access rule written down for every registered route, and no rule for a route that is gone', () => {
    const registered = registeredRoutes(t.app);
    expect(registered.filter((route) => !(route in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('answers 401 to anonymous callers on every route but the public ones', async () => {
    const open: string[] = [];
    for (const [route, access] of Object.entries(ROUTE_ACCESS)) {
      const res = await call(t, route);
      if (access === PUBLIC) expect(res.status).not.toBe(401);
      else if (res.status !== 401) open.push(`${route} → ${res.status}`);
    }
    expect(open).toEqual([]);
  });

  it('answers 401 to a wrong password, with Basic realm on the REST API', async () => {
    const res = await call(t, 'GET /engine-rest/task', basicAuth(USERS.employee, 'wrong-password'));
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('Basic');
    expect(res.body).toEqual({
      type: 'AuthenticationException',
      message: 'Wrong user id or password',
    });
  });

  it.each(Object.entries(USERS) as [Role, string][])(
    'lets a %s through exactly the routes their role is allowed',
    async (role, user) => {
      const authorization = basicAuth(user, role === 'admin' ? TEST_ADMIN.password : PASSWORD);
      const wrong: string[] = [];
      for (const [route, access] of Object.entries(ROUTE_ACCESS)) {
        if (access === PUBLIC) continue;
        const res = await call(t, route, authorization);
        const allowed = access.includes(role);
        if (res.status === 401 || res.status >= 500 || deniedByGuard(res) === allowed) {
          wrong.push(`${route} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
