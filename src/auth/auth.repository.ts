import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ROLE_GROUPS, rolesOf } from './roles.js';

const ROLE_GROUP_IDS = new Set<string>(Object.values(ROLE_GROUPS));

export interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
}

/** SQL for authentication: who a user is (roles, groups, team) and web-app sessions. */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The caller's roles, groups and team in one statement; null for an unknown user. A manager's
   * team is everyone below them in the manager hierarchy (any depth), themselves included.
   */
  async loadCaller(userId: string): Promise<CallerInfo | null> {
    const [row] = await this.dataSource.query<
      { groups: string[] | null; team: string[] | null; team_groups: string[] | null }[]
    >(
      `WITH RECURSIVE team AS (
         SELECT id FROM identity_user WHERE id = $1
         UNION SELECT u.id FROM identity_user u JOIN team t ON u.manager_id = t.id
       )
       SELECT (SELECT array_agg(group_id ORDER BY group_id) FROM identity_membership WHERE user_id = $1) AS groups,
              (SELECT array_agg(id ORDER BY id) FROM team) AS team,
              (SELECT array_agg(DISTINCT group_id) FROM identity_membership
                WHERE user_id IN (SELECT id FROM team)) AS team_groups
        WHERE EXISTS (SELECT 1 FROM identity_user WHERE id = $1)`,
      [userId],
    );
    if (!row) return null;
    const groupIds = row.groups ?? [];
    const roles = rolesOf(groupIds);
    const isManager = roles.has('manager');
    return {
      userId,
      roles,
      groupIds,
      teamUserIds: isManager ? (row.team ?? [userId]) : [userId],
      // A manager sees the work of the team's groups, not of the role groups team members are in.
      teamGroupIds: isManager
        ? [
            ...new Set([
              ...groupIds,
              ...(row.team_groups ?? []).filter((g) => !ROLE_GROUP_IDS.has(g)),
            ]),
          ]
        : groupIds,
    };
  }

  async createSession(row: SessionRow & { created: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO auth_session (token_hash, user_id, csrf_token, created, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [row.token_hash, row.user_id, row.csrf_token, row.created, row.expires_at],
    );
  }

  async findSession(tokenHash: string, now: Date): Promise<SessionRow | null> {
    const [row] = await this.dataSource.query<SessionRow[]>(
      `SELECT token_hash, user_id, csrf_token, expires_at FROM auth_session
        WHERE token_hash = $1 AND expires_at > $2`,
      [tokenHash, now],
    );
    return row ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM auth_session WHERE token_hash = $1`, [tokenHash]);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM auth_session WHERE user_id = $1`, [userId]);
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM auth_session WHERE expires_at <= $1`, [now]);
  }
}
