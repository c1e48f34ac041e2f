import request from 'supertest';
import { DataSource } from 'typeorm';
import { ROLE_GROUPS } from '../../src/auth/roles.js';
import { hashPassword } from '../../src/identity/password-hasher.js';
import { basicAuth, type TestApp } from '../support/test-app.js';

/** The password of every cast member. */
export const CAST_PASSWORD = 'cast-member-password';

/**
 * The people of the authorization tests — user, their manager, their groups: olga manages the
 * sales team (ivan, petr), boris the service team (sergey); anna is an analyst, walt a worker.
 */
export const CAST: readonly [user: string, manager: string | null, groups: string[]][] = [
  ['olga', null, [ROLE_GROUPS.manager]],
  ['ivan', 'olga', ['sales']],
  ['petr', 'olga', ['sales']],
  ['boris', null, [ROLE_GROUPS.manager]],
  ['sergey', 'boris', ['service']],
  ['anna', null, [ROLE_GROUPS.analyst]],
  ['walt', null, [ROLE_GROUPS.worker]],
];

/** Creates the cast (users, their groups, the manager hierarchy) in the app's database. */
export async function createCast(t: TestApp): Promise<void> {
  const db = t.app.get(DataSource);
  const hash = await hashPassword(CAST_PASSWORD);
  for (const [group, type] of [
    ['sales', 'WORKFLOW'],
    ['service', 'WORKFLOW'],
    ...Object.values(ROLE_GROUPS).map((id) => [id, 'SYSTEM']),
  ]) {
    await db.query(
      `INSERT INTO identity_group (id, name, type) VALUES ($1, $1, $2) ON CONFLICT DO NOTHING`,
      [group, type],
    );
  }
  for (const [user, manager, groups] of CAST) {
    await db.query(
      `INSERT INTO identity_user (id, first_name, password_hash, manager_id) VALUES ($1, $1, $2, $3)`,
      [user, hash, manager],
    );
    for (const group of groups) {
      await db.query(`INSERT INTO identity_membership (user_id, group_id) VALUES ($1, $2)`, [
        user,
        group,
      ]);
    }
  }
}

/** Calls /engine-rest as a cast member (HTTP Basic). */
export function asUser(t: TestApp, user: string) {
  const auth = basicAuth(user, CAST_PASSWORD);
  const http = () => request(t.anonymous);
  return {
    get: (path: string) => http().get(`/engine-rest${path}`).set('Authorization', auth),
    post: (path: string, body: object = {}) =>
      http().post(`/engine-rest${path}`).set('Authorization', auth).send(body),
    put: (path: string, body: object = {}) =>
      http().put(`/engine-rest${path}`).set('Authorization', auth).send(body),
    delete: (path: string) => http().delete(`/engine-rest${path}`).set('Authorization', auth),
  };
}
