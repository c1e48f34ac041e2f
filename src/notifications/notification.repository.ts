import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page } from '../common/query/paging.dto.js';

export interface NotificationRow {
  id: string;
  user_id: string;
  title: string | null;
  text: string;
  process_instance_id: string | null;
  task_id: string | null;
  outbox_id: string | null;
  created: Date;
  read_at: Date | null;
}

export interface NotificationFilter {
  userId: string;
  unread?: boolean;
}

export interface NewNotification {
  outboxId: string;
  title: string | null;
  text: string;
  processInstanceId: string | null;
  created: Date;
}

/** All SQL on notification (what users read in the web app), plus the recipients of an in-app notification. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the notification for each user, at most once per user and outbox row. */
  async insertForUsers(
    tx: EntityManager,
    userIds: string[],
    notification: NewNotification,
  ): Promise<void> {
    for (const userId of userIds) {
      await tx.query(
        `INSERT INTO notification (id, user_id, title, text, process_instance_id, outbox_id, created)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (outbox_id, user_id) DO NOTHING`,
        [
          randomUUID(),
          userId,
          notification.title,
          notification.text,
          notification.processInstanceId,
          notification.outboxId,
          notification.created,
        ],
      );
    }
  }

  async userExists(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM identity_user WHERE id = $1`,
      [userId],
    );
    return rows.length > 0;
  }

  /** The members of a group, or null when there is no such group. */
  async groupMembers(groupId: string): Promise<string[] | null> {
    const rows: { user_id: string | null }[] = await this.dataSource.query(
      `SELECT m.user_id FROM identity_group g
         LEFT JOIN identity_membership m ON m.group_id = g.id
       WHERE g.id = $1 ORDER BY m.user_id`,
      [groupId],
    );
    if (rows.length === 0) return null;
    return rows.flatMap((row) => (row.user_id === null ? [] : [row.user_id]));
  }

  list(filter: NotificationFilter, page: Page): Promise<NotificationRow[]> {
    const { where, params } = notificationWhere(filter);
    return this.dataSource.query(
      `SELECT * FROM notification ${where}
       ORDER BY created DESC, id OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: NotificationFilter): Promise<number> {
    const { where, params } = notificationWhere(filter);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notification ${where}`,
      params,
    );
    return row.count;
  }

  /**
   * Marks a notification read (the first read time stays); with a user, only that user's.
   * False when there is no such notification.
   */
  async markRead(id: string, userId: string | null, now: Date): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification SET read_at = coalesce(read_at, $3)
       WHERE id = $1 AND ($2::varchar IS NULL OR user_id = $2)`,
      [id, userId, now],
    );
    return affected > 0;
  }
}

function notificationWhere(filter: NotificationFilter): { where: string; params: unknown[] } {
  const conditions = ['user_id = $1'];
  if (filter.unread === true) conditions.push('read_at IS NULL');
  if (filter.unread === false) conditions.push('read_at IS NOT NULL');
  return { where: `WHERE ${conditions.join(' AND ')}`, params: [filter.userId] };
}
