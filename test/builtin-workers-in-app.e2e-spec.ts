import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { BuiltInWorkers } from '../src/workers/builtin-workers.service.js';
import { str } from './elements/elements-rest.js';
import { expectMovedOn, startBuiltInWorkersApp } from './support/builtin-workers-app.js';
import { EngineRest } from './support/engine-rest.js';
import { basicAuth, type TestApp } from './support/test-app.js';
import { hashPassword } from '../src/identity/password-hasher.js';

const PASSWORD = 'employee-password';

/** In-app notifications through the built-in worker, and /api/notifications where users read them. */
describe('built-in worker conveyor.notification: in-app', () => {
  let t: TestApp;
  let api: EngineRest;
  let workers: BuiltInWorkers;
  beforeAll(async () => {
    ({ t, api, workers } = await startBuiltInWorkersApp(['in-app']));
    const db = t.app.get(DataSource);
    await db.query(
      `INSERT INTO identity_user (id, first_name, password_hash) VALUES ('ivanov', 'Иван', $1), ('petrov', 'Пётр', $1), ('sidorov', 'Сидор', $1)`,
      [await hashPassword(PASSWORD)],
    );
    await db.query(`INSERT INTO identity_group (id, name) VALUES ('sales', 'Отдел продаж')`);
    await db.query(
      `INSERT INTO identity_membership (user_id, group_id) VALUES ('petrov', 'sales'), ('sidorov', 'sales')`,
    );
  });
  afterAll(() => t.close());

  const notifications = async (query: Record<string, string>) =>
    (await request(t.http).get('/api/notifications').query(query).expect(200)).body as {
      id: string;
      title: string;
      text: string;
      read: boolean;
      readAt: string | null;
      processInstanceId: string;
    }[];
  const unread = async (userId: string) =>
    (
      await request(t.http)
        .get('/api/notifications/count')
        .query({ userId, unread: 'true' })
        .expect(200)
    ).body as { count: number };

  it('notifies a user and each member of a group, who can mark it read', async () => {
    // given
    const instance = await api.start('builtin_workers_in_app', {
      variables: { manager: str('ivanov'), clientName: str('ООО Ромашка') },
    });

    // when
    await workers.runOnce();

    // then
    await expectMovedOn(t, instance.id, 'Позвонить клиенту');
    const [forManager] = await notifications({ userId: 'ivanov' });
    expect(forManager).toMatchObject({
      title: 'Новый лид: ООО Ромашка',
      text: 'Позвоните клиенту ООО Ромашка сегодня',
      read: false,
      processInstanceId: instance.id,
    });
    for (const member of ['petrov', 'sidorov']) {
      expect(await notifications({ userId: member })).toMatchObject([
        { title: 'Лид у ivanov', text: 'Клиент ООО Ромашка передан менеджеру ivanov' },
      ]);
    }
    expect(await unread('ivanov')).toEqual({ count: 1 });

    // when
    await request(t.http)
      .post(`/api/notifications/${forManager.id}/read`)
      .query({ userId: 'ivanov' })
      .expect(204);

    // then
    expect(await unread('ivanov')).toEqual({ count: 0 });
    expect(await notifications({ userId: 'ivanov', unread: 'true' })).toEqual([]);
    expect((await notifications({ userId: 'ivanov' }))[0].read).toBe(true);
    expect(await unread('petrov')).toEqual({ count: 1 });
  });

  it('lists newest first and pages', async () => {
    // given: a second lead for ivanov
    await api.start('builtin_workers_in_app', {
      variables: { manager: str('ivanov'), clientName: str('ИП Лютиков') },
    });
    t.app.get(Clock).advance(1000);
    await workers.runOnce();

    // then
    const all = await notifications({ userId: 'ivanov' });
    expect(all.map((n) => n.title)).toEqual(['Новый лид: ИП Лютиков', 'Новый лид: ООО Ромашка']);
    const page = await notifications({ userId: 'ivanov', firstResult: '1', maxResults: '1' });
    expect(page.map((n) => n.title)).toEqual(['Новый лид: ООО Ромашка']);
  });

  it('answers bad requests with a Camunda-shaped 400 and unknown ids with 404', async () => {
    const tooMany = await request(t.http)
      .get('/api/notifications')
      .query({ userId: 'ivanov', maxResults: '5000' })
      .expect(400);
    expect(tooMany.body.type).toBe('InvalidRequestException');
    await request(t.http)
      .get('/api/notifications')
      .query({ userId: 'ivanov', unread: 'maybe' })
      .expect(400);
    await request(t.http).get('/api/notification-log').query({ status: 'lost' }).expect(400);
    const [forPetrov] = await notifications({ userId: 'petrov' });
    await request(t.http)
      .post(`/api/notifications/${forPetrov.id}/read`)
      .query({ userId: 'ivanov' })
      .expect(404);
    await request(t.http)
      .post('/api/notifications/no-such-id/read')
      .query({ userId: 'ivanov' })
      .expect(404);
  });

  it("shows each signed-in user their own notifications and nobody else's", async () => {
    const ivanov = basicAuth('ivanov', PASSWORD);
    const own = await request(t.anonymous)
      .get('/api/notifications')
      .set('Authorization', ivanov)
      .expect(200);
    expect((own.body as { userId: string }[]).every((n) => n.userId === 'ivanov')).toBe(true);
    await request(t.anonymous)
      .get('/api/notifications')
      .query({ userId: 'petrov' })
      .set('Authorization', ivanov)
      .expect(403);
    await request(t.anonymous)
      .get('/api/notification-log')
      .set('Authorization', ivanov)
      .expect(403);
    await request(t.anonymous).get('/api/notifications').expect(401);
  });

  it('logs a delivery to a user who does not exist as a failed attempt', async () => {
    // given
    const instance = await api.start('builtin_workers_in_app', {
      variables: { manager: str('nobody'), clientName: str('ООО Ландыш') },
    });

    // when
    await workers.runOnce();

    // then the process moved on; the group got its notification, the unknown user's is retried
    await expectMovedOn(t, instance.id, 'Позвонить клиенту');
    const log = await request(t.http)
      .get('/api/notification-log')
      .query({ processInstanceId: instance.id, channel: 'in-app' })
      .expect(200);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipient: 'nobody',
          status: 'pending',
          attempts: 1,
          lastError: "There is no user 'nobody'",
        }),
        expect.objectContaining({ recipientGroup: 'sales', status: 'sent', attempts: 1 }),
      ]),
    );
  });
});
