import request from 'supertest';
import { expectCamundaShape } from './support/openapi.js';
import { basicAuth, startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';

const ADMIN_GROUP = 'camunda-admin';

interface NewUser {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  managerId?: string;
}

describe('identity REST API: users, groups, memberships', () => {
  let t: TestApp;
  const admin = () => request(t.http);
  const as = (user: string, password = `${user}-password`) => {
    const auth = basicAuth(user, password);
    return {
      get: (path: string) => request(t.http).get(path).set('Authorization', auth),
      post: (path: string) => request(t.http).post(path).set('Authorization', auth),
      put: (path: string) => request(t.http).put(path).set('Authorization', auth),
      delete: (path: string) => request(t.http).delete(path).set('Authorization', auth),
    };
  };
  const createUser = (profile: NewUser, password = `${profile.id}-password`) =>
    admin().post('/engine-rest/user/create').send({ profile, credentials: { password } });
  const addMember = (groupId: string, userId: string) =>
    admin().put(`/engine-rest/group/${groupId}/members/${userId}`).expect(204);
  const profileOf = async (id: string) =>
    (await admin().get(`/engine-rest/user/${id}/profile`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of [
      { id: 'olga', firstName: 'Olga', lastName: 'Petrova', email: 'olga@example.com' },
      { id: 'boris', firstName: 'Boris', lastName: 'Ivanov', email: 'boris@example.com' },
      { id: 'irina', firstName: 'Irina', lastName: 'Smirnova', email: 'irina@shop.example' },
    ]) {
      await createUser(user).expect(204);
    }
    await admin()
      .post('/engine-rest/group/create')
      .send({ id: 'sales', name: 'Sales', type: 'WORKFLOW' })
      .expect(204);
    await addMember('sales', 'olga');
    await addMember('sales', 'boris');
  });
  afterAll(() => t.close());

  describe('users', () => {
    it('creates a user and answers the profile in Camunda shape, with the manager', async () => {
      const res = await admin().get('/engine-rest/user/olga/profile').expect(200);
      expectCamundaShape(res, '/user/{id}/profile', 'get');
      expect(res.body).toEqual({
        id: 'olga',
        firstName: 'Olga',
        lastName: 'Petrova',
        email: 'olga@example.com',
        managerId: null,
      });
    });

    it('lists, filters, sorts, pages and counts users', async () => {
      const all = await admin().get('/engine-rest/user').expect(200);
      expectCamundaShape(all, '/user', 'get');
      expect(all.body.map((u: NewUser) => u.id)).toEqual([
        'boris',
        'irina',
        'olga',
        TEST_ADMIN.user,
      ]);
      const ids = async (query: Record<string, string | number>) =>
        (await admin().get('/engine-rest/user').query(query).expect(200)).body.map(
          (u: NewUser) => u.id,
        );
      expect(await ids({ firstNameLike: 'O%' })).toEqual(['olga']);
      expect(await ids({ lastName: 'Ivanov' })).toEqual(['boris']);
      expect(await ids({ emailLike: '%@shop.example' })).toEqual(['irina']);
      expect(await ids({ email: 'olga@example.com' })).toEqual(['olga']);
      expect(await ids({ idIn: 'olga,irina' })).toEqual(['irina', 'olga']);
      expect(await ids({ id: 'boris' })).toEqual(['boris']);
      expect(await ids({ memberOfGroup: 'sales' })).toEqual(['boris', 'olga']);
      expect(await ids({ memberOfGroup: 'sales', sortBy: 'firstName', sortOrder: 'desc' })).toEqual(
        ['olga', 'boris'],
      );
      expect(
        await ids({ sortBy: 'lastName', sortOrder: 'asc', firstResult: 1, maxResults: 1 }),
      ).toEqual(['olga']);
      const count = await admin().get('/engine-rest/user/count').query({ memberOfGroup: 'sales' });
      expectCamundaShape(count, '/user/count', 'get');
      expect(count.body).toEqual({ count: 2 });
    });

    it('refuses bad list parameters with 400', async () => {
      for (const query of [
        { maxResults: 5000 },
        { sortBy: 'firstName' },
        { sortBy: 'password', sortOrder: 'asc' },
        { firstResult: -1 },
      ]) {
        const res = await admin().get('/engine-rest/user').query(query).expect(400);
        expect(res.body.type).toBe('InvalidRequestException');
      }
    });

    it('refuses bad ids, weak passwords, missing parts, unknown managers (400) and duplicates (409)', async () => {
      const bad = [
        { profile: { id: 'no spaces' }, credentials: { password: 'long-enough' } },
        { profile: { id: 'x'.repeat(65) }, credentials: { password: 'long-enough' } },
        { profile: { id: 'weak' }, credentials: { password: 'short' } },
        { profile: { id: 'nopassword' } },
        { credentials: { password: 'long-enough' } },
        {
          profile: { id: 'mail', email: 'not-an-email' },
          credentials: { password: 'long-enough' },
        },
        {
          profile: { id: 'orphan', managerId: 'nobody' },
          credentials: { password: 'long-enough' },
        },
      ];
      for (const body of bad) {
        const res = await admin().post('/engine-rest/user/create').send(body);
        expect([res.status, res.body.type]).toEqual([400, 'InvalidRequestException']);
      }
      const weak = await createUser({ id: 'weak' }, 'short').expect(400);
      expect(weak.body.message).toMatch(/at least 8 characters/);
      const duplicate = await createUser({ id: 'olga' }).expect(409);
      expect(duplicate.body.message).toMatch(/already exists/);
      expect((await admin().get('/engine-rest/user/count')).body.count).toBe(4);
    });

    it('answers 404 for an unknown user', async () => {
      const res = await admin().get('/engine-rest/user/nobody/profile').expect(404);
      expect(res.body.type).toBe('InvalidRequestException');
      await admin().put('/engine-rest/user/nobody/profile').send({ firstName: 'X' }).expect(404);
      await admin().delete('/engine-rest/user/nobody').expect(404);
      await admin()
        .put('/engine-rest/user/nobody/credentials')
        .send({ password: 'new-password', authenticatedUserPassword: TEST_ADMIN.password })
        .expect(404);
    });

    it('lets an admin replace a profile; the id cannot change', async () => {
      await createUser({ id: 'pavel', firstName: 'Pavel', email: 'pavel@example.com' }).expect(204);
      await admin()
        .put('/engine-rest/user/pavel/profile')
        .send({ id: 'pavel', firstName: 'Pasha', lastName: 'Orlov' })
        .expect(204);
      expect(await profileOf('pavel')).toEqual({
        id: 'pavel',
        firstName: 'Pasha',
        lastName: 'Orlov',
        email: null,
        managerId: null,
      });
      await admin().put('/engine-rest/user/pavel/profile').send({ id: 'paul' }).expect(400);
    });

    it('keeps the manager hierarchy free of cycles', async () => {
      await createUser({ id: 'boss' }).expect(204);
      await createUser({ id: 'lead', managerId: 'boss' }).expect(204);
      await createUser({ id: 'clerk', managerId: 'lead' }).expect(204);
      expect((await profileOf('clerk')).managerId).toBe('lead');
      const setManager = (id: string, managerId: string | null) =>
        admin().put(`/engine-rest/user/${id}/profile`).send({ managerId });
      for (const [id, managerId] of [
        ['boss', 'clerk'],
        ['boss', 'lead'],
        ['lead', 'lead'],
        ['lead', 'nobody'],
      ]) {
        const res = await setManager(id, managerId).expect(400);
        expect(res.body.type).toBe('InvalidRequestException');
      }
      expect((await profileOf('boss')).managerId).toBeNull();
      await setManager('clerk', 'boss').expect(204);
      expect((await profileOf('clerk')).managerId).toBe('boss');
      await setManager('clerk', null).expect(204);
      expect((await profileOf('clerk')).managerId).toBeNull();
      // Deleting a manager leaves their reports without one.
      await admin().delete('/engine-rest/user/boss').expect(204);
      expect((await profileOf('lead')).managerId).toBeNull();
    });

    it('lets users change their own profile, but not their manager nor anyone else', async () => {
      await createUser({ id: 'vera', firstName: 'Vera', managerId: 'irina' }).expect(204);
      const vera = as('vera');
      await vera
        .put('/engine-rest/user/vera/profile')
        .send({ firstName: 'Vera', lastName: 'Kuznetsova' })
        .expect(204);
      expect(await profileOf('vera')).toMatchObject({ lastName: 'Kuznetsova', managerId: 'irina' });
      // Sending the profile back as read, manager included, is fine.
      await vera
        .put('/engine-rest/user/vera/profile')
        .send({ ...(await profileOf('vera')), email: 'vera@example.com' })
        .expect(204);
      await vera.put('/engine-rest/user/vera/profile').send({ managerId: 'olga' }).expect(403);
      await vera.put('/engine-rest/user/vera/profile').send({ managerId: null }).expect(403);
      await vera.put('/engine-rest/user/olga/profile').send({ firstName: 'Hacked' }).expect(403);
      expect(await profileOf('vera')).toMatchObject({
        email: 'vera@example.com',
        managerId: 'irina',
      });
      expect((await profileOf('olga')).firstName).toBe('Olga');
    });

    it('changes a password only with the caller’s own current password', async () => {
      await createUser({ id: 'gleb' }).expect(204);
      const gleb = as('gleb');
      const wrong = await gleb
        .put('/engine-rest/user/gleb/credentials')
        .send({ password: 'gleb-new-password', authenticatedUserPassword: 'not-my-password' })
        .expect(400);
      expect(wrong.body.message).toMatch(/authenticated user password is not valid/);
      await gleb
        .put('/engine-rest/user/gleb/credentials')
        .send({ password: 'short', authenticatedUserPassword: 'gleb-password' })
        .expect(400);
      await gleb
        .put('/engine-rest/user/gleb/credentials')
        .send({ password: 'gleb-new-password', authenticatedUserPassword: 'gleb-password' })
        .expect(204);
      await gleb.get('/engine-rest/user/gleb/profile').expect(401);
      const glebNow = as('gleb', 'gleb-new-password');
      await glebNow.get('/engine-rest/user/gleb/profile').expect(200);
      // Not someone else's password, even with the right own password.
      await glebNow
        .put('/engine-rest/user/olga/credentials')
        .send({ password: 'taken-over', authenticatedUserPassword: 'gleb-new-password' })
        .expect(403);
    });

    it('lets an admin reset a password with the admin’s own password, ending the user’s sessions', async () => {
      await createUser({ id: 'nina' }).expect(204);
      const login = await request(t.anonymous)
        .post('/api/auth/login')
        .send({ username: 'nina', password: 'nina-password' })
        .expect(200);
      const cookie = login.get('Set-Cookie')?.[0]?.split(';')[0] ?? '';
      await request(t.anonymous).get('/api/auth/me').set('Cookie', cookie).expect(200);
      await admin()
        .put('/engine-rest/user/nina/credentials')
        .send({ password: 'nina-password-2', authenticatedUserPassword: 'nina-password' })
        .expect(400);
      await admin()
        .put('/engine-rest/user/nina/credentials')
        .send({ password: 'nina-password-2', authenticatedUserPassword: TEST_ADMIN.password })
        .expect(204);
      await request(t.anonymous).get('/api/auth/me').set('Cookie', cookie).expect(401);
      await as('nina', 'nina-password-2').get('/engine-rest/user/nina/profile').expect(200);
    });

    it('deletes a user with their memberships', async () => {
      await createUser({ id: 'temp' }).expect(204);
      await addMember('sales', 'temp');
      await admin().delete('/engine-rest/user/temp').expect(204);
      await admin().get('/engine-rest/user/temp/profile').expect(404);
      const members = await admin().get('/engine-rest/user').query({ memberOfGroup: 'sales' });
      expect(members.body.map((u: NewUser) => u.id)).toEqual(['boris', 'olga']);
    });
  });

  describe('groups and memberships', () => {
    it('creates, reads, lists, updates and deletes groups', async () => {
      await admin()
        .post('/engine-rest/group/create')
        .send({ id: 'delivery', name: 'Delivery team', type: 'WORKFLOW' })
        .expect(204);
      const one = await admin().get('/engine-rest/group/delivery').expect(200);
      expectCamundaShape(one, '/group/{id}', 'get');
      expect(one.body).toEqual({ id: 'delivery', name: 'Delivery team', type: 'WORKFLOW' });

      const ids = async (query: Record<string, string>) => {
        const res = await admin().get('/engine-rest/group').query(query).expect(200);
        expectCamundaShape(res, '/group', 'get');
        return res.body.map((g: { id: string }) => g.id);
      };
      expect(await ids({})).toEqual([ADMIN_GROUP, 'delivery', 'sales']);
      expect(await ids({ nameLike: 'Del%' })).toEqual(['delivery']);
      expect(await ids({ name: 'Sales' })).toEqual(['sales']);
      expect(await ids({ type: 'SYSTEM' })).toEqual([ADMIN_GROUP]);
      expect(await ids({ member: 'olga' })).toEqual(['sales']);
      expect(await ids({ idIn: 'sales,delivery' })).toEqual(['delivery', 'sales']);
      expect(await ids({ sortBy: 'name', sortOrder: 'desc' })).toEqual([
        'sales',
        'delivery',
        ADMIN_GROUP,
      ]);
      const count = await admin().get('/engine-rest/group/count').query({ type: 'WORKFLOW' });
      expectCamundaShape(count, '/group/count', 'get');
      expect(count.body).toEqual({ count: 2 });

      await admin()
        .put('/engine-rest/group/delivery')
        .send({ id: 'delivery', name: 'Logistics' })
        .expect(204);
      expect((await admin().get('/engine-rest/group/delivery')).body).toEqual({
        id: 'delivery',
        name: 'Logistics',
        type: null,
      });
      await admin().delete('/engine-rest/group/delivery').expect(204);
      await admin().get('/engine-rest/group/delivery').expect(404);
    });

    it('refuses bad groups (400), duplicates (409) and unknown ids (404)', async () => {
      for (const body of [{ id: 'no name', name: 'X' }, { id: 'noname' }, { name: 'No id' }]) {
        await admin().post('/engine-rest/group/create').send(body).expect(400);
      }
      await admin()
        .post('/engine-rest/group/create')
        .send({ id: 'sales', name: 'Again' })
        .expect(409);
      await admin()
        .put('/engine-rest/group/sales')
        .send({ id: 'other', name: 'Sales' })
        .expect(400);
      await admin().put('/engine-rest/group/nope').send({ name: 'Nope' }).expect(404);
      await admin().delete('/engine-rest/group/nope').expect(404);
      await admin().put('/engine-rest/group/nope/members/olga').expect(404);
      await admin().put('/engine-rest/group/sales/members/nobody').expect(404);
      await admin().delete('/engine-rest/group/nope/members/olga').expect(404);
    });

    it('adds and removes members idempotently', async () => {
      await addMember('sales', 'irina');
      await addMember('sales', 'irina');
      const members = async () =>
        (await admin().get('/engine-rest/user').query({ memberOfGroup: 'sales' })).body.map(
          (u: NewUser) => u.id,
        );
      expect(await members()).toEqual(['boris', 'irina', 'olga']);
      await admin().delete('/engine-rest/group/sales/members/irina').expect(204);
      await admin().delete('/engine-rest/group/sales/members/irina').expect(204);
      expect(await members()).toEqual(['boris', 'olga']);
    });

    it('never removes the last administrator', async () => {
      const last = await admin()
        .delete(`/engine-rest/group/${ADMIN_GROUP}/members/${TEST_ADMIN.user}`)
        .expect(400);
      expect(last.body.message).toMatch(/last member/);
      await admin().delete(`/engine-rest/user/${TEST_ADMIN.user}`).expect(400);
      await admin().delete(`/engine-rest/group/${ADMIN_GROUP}`).expect(400);

      await createUser({ id: 'second-admin' }).expect(204);
      await addMember(ADMIN_GROUP, 'second-admin');
      const second = as('second-admin');
      await second
        .post('/engine-rest/user/create')
        .send({
          profile: { id: 'made-by-second' },
          credentials: { password: 'long-enough' },
        })
        .expect(204);
      await second.delete(`/engine-rest/group/${ADMIN_GROUP}/members/second-admin`).expect(204);
      await second.get('/engine-rest/user').expect(200);
      await second.delete('/engine-rest/user/made-by-second').expect(403);
    });
  });

  describe('identity', () => {
    it('answers a user’s groups and the other members of them', async () => {
      const res = await admin().get('/engine-rest/identity/groups').query({ userId: 'olga' });
      expect(res.status).toBe(200);
      expectCamundaShape(res, '/identity/groups', 'get');
      expect(res.body).toEqual({
        groups: [{ id: 'sales', name: 'Sales' }],
        groupUsers: [
          { id: 'boris', firstName: 'Boris', lastName: 'Ivanov', displayName: 'Boris Ivanov' },
        ],
      });
      await admin().get('/engine-rest/identity/groups').expect(400);
    });

    it('verifies a user’s password', async () => {
      const ok = await admin()
        .post('/engine-rest/identity/verify')
        .send({ username: 'olga', password: 'olga-password' })
        .expect(200);
      expectCamundaShape(ok, '/identity/verify', 'post');
      expect(ok.body).toEqual({ authenticatedUser: 'olga', authenticated: true });
      const wrong = await admin()
        .post('/engine-rest/identity/verify')
        .send({ username: 'olga', password: 'guess' })
        .expect(200);
      expect(wrong.body).toEqual({ authenticatedUser: 'olga', authenticated: false });
      await admin().post('/engine-rest/identity/verify').send({ username: 'olga' }).expect(400);
    });

    it('counts wrong passwords as failed logins: the sixth guess for a user is refused', async () => {
      await createUser({ id: 'target' }).expect(204);
      const verify = (password: string) =>
        admin().post('/engine-rest/identity/verify').send({ username: 'target', password });
      for (let i = 0; i < 5; i++)
        expect((await verify(`guess-${i}`)).body.authenticated).toBe(false);
      const refused = await verify('target-password').expect(429);
      expect(refused.body.message).toMatch(/Too many failed login attempts/);
    });

    it('records changes in the user operation log', async () => {
      const res = await admin()
        .get('/engine-rest/history/user-operation')
        .query({ entityType: 'GroupMembership', operationType: 'Create' })
        .expect(200);
      expect(res.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            userId: TEST_ADMIN.user,
            property: 'groupId',
            newValue: 'sales',
          }),
          expect.objectContaining({
            userId: TEST_ADMIN.user,
            property: 'userId',
            newValue: 'olga',
          }),
        ]),
      );
    });
  });

  describe('authorization', () => {
    it('refuses anonymous callers with 401', async () => {
      const res = await request(t.anonymous).get('/engine-rest/user').expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      await request(t.anonymous).get('/engine-rest/group').expect(401);
      await request(t.anonymous)
        .post('/engine-rest/identity/verify')
        .send({ username: 'olga', password: 'olga-password' })
        .expect(401);
    });

    it('lets employees read the directory but not change it', async () => {
      const olga = as('olga');
      await olga.get('/engine-rest/user').expect(200);
      await olga.get('/engine-rest/user/boris/profile').expect(200);
      await olga.get('/engine-rest/group').expect(200);
      await olga.get('/engine-rest/identity/groups?userId=boris').expect(200);
      await olga
        .post('/engine-rest/user/create')
        .send({ profile: { id: 'sneaky' }, credentials: { password: 'long-enough' } })
        .expect(403);
      await olga.delete('/engine-rest/user/boris').expect(403);
      await olga.post('/engine-rest/group/create').send({ id: 'mine', name: 'Mine' }).expect(403);
      await olga.put('/engine-rest/group/sales').send({ name: 'Renamed' }).expect(403);
      await olga.delete('/engine-rest/group/sales').expect(403);
      await olga.put(`/engine-rest/group/${ADMIN_GROUP}/members/olga`).expect(403);
      await olga.delete('/engine-rest/group/sales/members/boris').expect(403);
      await admin().get('/engine-rest/user/sneaky/profile').expect(404);
    });

    it('gives the manager role through membership of conveyor-managers', async () => {
      const signIn = async () => {
        const login = await request(t.anonymous)
          .post('/api/auth/login')
          .send({ username: 'boris', password: 'boris-password' })
          .expect(200);
        const cookie = login.get('Set-Cookie')?.[0]?.split(';')[0] ?? '';
        return (await request(t.anonymous).get('/api/auth/me').set('Cookie', cookie).expect(200))
          .body as { userId: string; roles: string[] };
      };
      expect((await signIn()).roles).not.toContain('manager');
      await admin()
        .post('/engine-rest/group/create')
        .send({ id: 'conveyor-managers', name: 'Managers', type: 'SYSTEM' })
        .expect(204);
      await addMember('conveyor-managers', 'boris');
      const me = await signIn();
      expect(me.userId).toBe('boris');
      expect(me.roles).toEqual(expect.arrayContaining(['manager', 'employee']));
      expect(me.roles).not.toContain('admin');
    });
  });
});
