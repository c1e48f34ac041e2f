import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page } from '../common/query/paging.dto.js';
import { SqlConditions } from '../history/query/sql-conditions.js';
import type { GroupSortKey } from './dto/group.dto.js';
import type { UserRow } from './user.repository.js';

export interface GroupRow {
  id: string;
  name: string;
  type: string | null;
}

export interface GroupFilter {
  id?: string;
  idIn?: string[];
  name?: string;
  nameLike?: string;
  type?: string;
  member?: string;
}

const SORT_COLUMNS: Record<GroupSortKey, string> = { id: 'g.id', name: 'g.name', type: 'g.type' };

/** SQL of groups (identity_group) and memberships (identity_membership) for the /group API. */
@Injectable()
export class GroupRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: GroupFilter,
    sort: { by: GroupSortKey; order: 'ASC' | 'DESC' },
    page: Page,
  ): Promise<GroupRow[]> {
    const c = conditions(filter);
    return this.dataSource.query(
      `SELECT g.id, g.name, g.type FROM identity_group g ${c.toWhere()}
        ORDER BY ${SORT_COLUMNS[sort.by]} ${sort.order}, g.id OFFSET ${page.offset} LIMIT ${page.limit}`,
      c.params,
    );
  }

  async count(filter: GroupFilter): Promise<number> {
    const c = conditions(filter);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM identity_group g ${c.toWhere()}`,
      c.params,
    );
    return row.count;
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<GroupRow | null> {
    const [row] = await tx.query<GroupRow[]>(
      `SELECT id, name, type FROM identity_group WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** False, changing nothing, when the id is taken. */
  async insert(tx: EntityManager, group: GroupRow): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO identity_group (id, name, type) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [group.id, group.name, group.type],
    );
    return rows.length === 1;
  }

  /** The group before the change; null when it does not exist. */
  async update(tx: EntityManager, group: GroupRow): Promise<GroupRow | null> {
    const [before] = await tx.query<GroupRow[]>(
      `SELECT id, name, type FROM identity_group WHERE id = $1 FOR UPDATE`,
      [group.id],
    );
    if (!before) return null;
    await tx.query(`UPDATE identity_group SET name = $2, type = $3 WHERE id = $1`, [
      group.id,
      group.name,
      group.type,
    ]);
    return before;
  }

  /** False when the group does not exist. Its memberships go with it. */
  async delete(tx: EntityManager, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE or DELETE with [rows, affected count].
    const [, affected] = await tx.query<[unknown[], number]>(
      `DELETE FROM identity_group WHERE id = $1`,
      [id],
    );
    return affected > 0;
  }

  /** Locks the group row, so changes of its membership take turns; false when it does not exist. */
  async lock(tx: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT id FROM identity_group WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows.length === 1;
  }

  /** False when the user was a member already. */
  async addMember(tx: EntityManager, groupId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO identity_membership (user_id, group_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, groupId],
    );
    return rows.length === 1;
  }

  /** False when the user was not a member. */
  async removeMember(tx: EntityManager, groupId: string, userId: string): Promise<boolean> {
    const [, affected] = await tx.query<[unknown[], number]>(
      `DELETE FROM identity_membership WHERE group_id = $1 AND user_id = $2`,
      [groupId, userId],
    );
    return affected > 0;
  }

  async isMember(tx: EntityManager, groupId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM identity_membership WHERE group_id = $1 AND user_id = $2`,
      [groupId, userId],
    );
    return rows.length === 1;
  }

  async countMembers(tx: EntityManager, groupId: string): Promise<number> {
    const [row] = await tx.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM identity_membership WHERE group_id = $1`,
      [groupId],
    );
    return row.count;
  }

  /** The user's groups, by name. */
  groupsOf(userId: string): Promise<GroupRow[]> {
    return this.dataSource.query(
      `SELECT g.id, g.name, g.type FROM identity_group g
         JOIN identity_membership m ON m.group_id = g.id
        WHERE m.user_id = $1 ORDER BY g.name, g.id`,
      [userId],
    );
  }

  /** Everyone else who shares a group with the user, once each. */
  usersSharingGroupsWith(userId: string): Promise<UserRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.first_name, u.last_name, u.email, u.manager_id FROM identity_user u
        WHERE u.id <> $1 AND EXISTS (
          SELECT 1 FROM identity_membership theirs JOIN identity_membership mine
            ON mine.group_id = theirs.group_id AND mine.user_id = $1
           WHERE theirs.user_id = u.id)
        ORDER BY u.id`,
      [userId],
    );
  }
}

function conditions(f: GroupFilter): SqlConditions {
  const c = new SqlConditions();
  c.when(f.id, 'g.id = ?');
  c.when(f.idIn, 'g.id = ANY(?)');
  c.when(f.name, 'g.name = ?');
  c.when(f.nameLike, 'g.name LIKE ?');
  c.when(f.type, 'g.type = ?');
  c.when(
    f.member,
    'EXISTS (SELECT 1 FROM identity_membership m WHERE m.group_id = g.id AND m.user_id = ?)',
  );
  return c;
}
