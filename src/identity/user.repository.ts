import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page } from '../common/query/paging.dto.js';
import { SqlConditions } from '../history/query/sql-conditions.js';
import type { UserSortKey } from './dto/user.dto.js';

export interface UserRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  manager_id: string | null;
}

export interface UserFilter {
  id?: string;
  idIn?: string[];
  firstName?: string;
  firstNameLike?: string;
  lastName?: string;
  lastNameLike?: string;
  email?: string;
  emailLike?: string;
  memberOfGroup?: string;
}

export interface UserProfileFields {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  managerId: string | null;
}

const COLUMNS = 'u.id, u.first_name, u.last_name, u.email, u.manager_id';

const SORT_COLUMNS: Record<UserSortKey, string> = {
  userId: 'u.id',
  firstName: 'u.first_name',
  lastName: 'u.last_name',
  email: 'u.email',
};

// Any constant key: changes of the manager hierarchy take turns, so two concurrent changes
// (A reports to B, B reports to A) cannot together close a cycle neither would see alone.
const HIERARCHY_LOCK = 7_310_001;

/** SQL of the user directory (identity_user) for the /user API. Passwords are only ever written here. */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: UserFilter,
    sort: { by: UserSortKey; order: 'ASC' | 'DESC' },
    page: Page,
  ): Promise<UserRow[]> {
    const c = conditions(filter);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM identity_user u ${c.toWhere()}
        ORDER BY ${SORT_COLUMNS[sort.by]} ${sort.order}, u.id OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: UserFilter): Promise<number> {
    const c = conditions(filter);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM identity_user u ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const [row] = await tx.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM identity_user u WHERE u.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Inserts the user; false, changing nothing, when the id is taken. */
  async insert(
    tx: EntityManager,
    user: UserProfileFields & { id: string; passwordHash: string },
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO identity_user (id, first_name, last_name, email, manager_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [user.id, user.firstName, user.lastName, user.email, user.managerId, user.passwordHash],
    );
    return rows.length === 1;
  }

  async updateProfile(tx: EntityManager, id: string, profile: UserProfileFields): Promise<void> {
    await tx.query(
      `UPDATE identity_user SET first_name = $2, last_name = $3, email = $4, manager_id = $5 WHERE id = $1`,
      [id, profile.firstName, profile.lastName, profile.email, profile.managerId],
    );
  }

  /** False when the user does not exist (any more). */
  async updatePassword(tx: EntityManager, id: string, passwordHash: string): Promise<boolean> {
    // TypeORM answers an UPDATE or DELETE with [rows, affected count].
    const [, affected] = await tx.query<[unknown[], number]>(
      `UPDATE identity_user SET password_hash = $2 WHERE id = $1`,
      [id, passwordHash],
    );
    return affected > 0;
  }

  /** False when the user does not exist. Memberships and sessions go with it; reports lose their manager. */
  async delete(tx: EntityManager, id: string): Promise<boolean> {
    const [, affected] = await tx.query<[unknown[], number]>(
      `DELETE FROM identity_user WHERE id = $1`,
      [id],
    );
    return affected > 0;
  }

  /** Locks the user row for the rest of the transaction; null when the user does not exist. */
  async lock(tx: EntityManager, id: string): Promise<UserRow | null> {
    const [row] = await tx.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM identity_user u WHERE u.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Serializes changes of the manager hierarchy until the transaction ends. */
  async lockHierarchy(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [HIERARCHY_LOCK]);
  }

  /** Whether `userId` is `managerId` or above them in the hierarchy (so the change would close a cycle). */
  async isAtOrAbove(tx: EntityManager, userId: string, managerId: string): Promise<boolean> {
    const [row] = await tx.query<{ found: boolean }[]>(
      `WITH RECURSIVE chain AS (
         SELECT id, manager_id FROM identity_user WHERE id = $2
         UNION SELECT u.id, u.manager_id FROM identity_user u JOIN chain c ON u.id = c.manager_id
       )
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $1) AS found`,
      [userId, managerId],
    );
    return row.found;
  }
}

function conditions(f: UserFilter): SqlConditions {
  const c = new SqlConditions();
  c.when(f.id, 'u.id = ?');
  c.when(f.idIn, 'u.id = ANY(?)');
  c.when(f.firstName, 'u.first_name = ?');
  c.when(f.firstNameLike, 'u.first_name LIKE ?');
  c.when(f.lastName, 'u.last_name = ?');
  c.when(f.lastNameLike, 'u.last_name LIKE ?');
  c.when(f.email, 'u.email = ?');
  c.when(f.emailLike, 'u.email LIKE ?');
  c.when(
    f.memberOfGroup,
    'EXISTS (SELECT 1 FROM identity_membership m WHERE m.user_id = u.id AND m.group_id = ?)',
  );
  return c;
}
