import { instanceVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page } from '../common/query/paging.dto.js';
import type { NotificationChannel, NotificationRequest } from './notification-request.js';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxRow {
  id: string;
  external_task_id: string;
  process_instance_id: string | null;
  channel: NotificationChannel;
  recipient: string | null;
  recipient_group: string | null;
  subject: string | null;
  text: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  locked_by: string | null;
  lock_expires_at: Date | null;
  last_error: string | null;
  created: Date;
  sent_at: Date | null;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  processInstanceId?: string;
  channel?: NotificationChannel;
}

/** All SQL on notification_outbox: notifications to deliver, claimed by the dispatcher with a lease. */
@Injectable()
export class NotificationOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records the notification of an external task, once: a second insert for the same task (a
   * worker retrying after a stop) changes nothing.
   */
  async insertOnce(
    externalTaskId: string,
    processInstanceId: string,
    request: NotificationRequest,
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_outbox (id, external_task_id, process_instance_id, channel, recipient,
         recipient_group, subject, text, next_attempt_at, created)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (external_task_id) DO NOTHING`,
      [
        randomUUID(),
        externalTaskId,
        processInstanceId,
        request.channel,
        request.recipient,
        request.recipientGroup,
        request.subject,
        request.text,
        now,
      ],
    );
  }

  /**
   * Claims up to `limit` pending rows that are due and not leased by a live node (FOR UPDATE SKIP
   * LOCKED: concurrent dispatchers never claim the same row), leasing them until `leaseUntil`.
   */
  async claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
    const [rows] = await this.dataSource.query<[OutboxRow[], number]>(
      `UPDATE notification_outbox SET locked_by = $1, lock_expires_at = $3
       WHERE id IN (
         SELECT id FROM notification_outbox
         WHERE status = 'pending' AND next_attempt_at <= $2
           AND (lock_expires_at IS NULL OR lock_expires_at < $2)
         ORDER BY next_attempt_at, created, id LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [owner, now, leaseUntil, limit],
    );
    return rows;
  }

  /** Marks a claimed row sent; false when the lease passed to another node meanwhile. */
  async markSent(
    id: string,
    owner: string,
    now: Date,
    tx: EntityManager | DataSource = this.dataSource,
  ): Promise<boolean> {
    const [, affected] = await tx.query<[unknown[], number]>(
      `UPDATE notification_outbox SET status = 'sent', sent_at = $3, attempts = attempts + 1,
         last_error = NULL, locked_by = NULL, lock_expires_at = NULL
       WHERE id = $1 AND locked_by = $2 AND status = 'pending'`,
      [id, owner, now],
    );
    return affected > 0;
  }

  /** Records a failed attempt: due again at `nextAttemptAt`, or failed for good when that is null. */
  async recordFailure(
    id: string,
    owner: string,
    error: string,
    nextAttemptAt: Date | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $3,
         status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
         locked_by = NULL, lock_expires_at = NULL
       WHERE id = $1 AND locked_by = $2 AND status = 'pending'`,
      [id, owner, error.slice(0, 4000), nextAttemptAt],
    );
  }

  /** The outbox as the caller may see it: a manager, only the notifications of their team's instances. */
  list(filter: OutboxFilter, caller: CallerInfo, page: Page): Promise<OutboxRow[]> {
    const { where, params } = outboxWhere(filter, caller);
    return this.dataSource.query(
      `SELECT * FROM notification_outbox ${where}
       ORDER BY created DESC, id OFFSET ${page.offset} LIMIT ${page.limit}`,
      params,
    );
  }

  async count(filter: OutboxFilter, caller: CallerInfo): Promise<number> {
    const { where, params } = outboxWhere(filter, caller);
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notification_outbox ${where}`,
      params,
    );
    return row.count;
  }
}

function outboxWhere(
  filter: OutboxFilter,
  caller: CallerInfo,
): { where: string; params: unknown[] } {
  const columns: [keyof OutboxFilter, string][] = [
    ['status', 'status'],
    ['processInstanceId', 'process_instance_id'],
    ['channel', 'channel'],
  ];
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [key, column] of columns) {
    if (filter[key] === undefined) continue;
    params.push(filter[key]);
    conditions.push(`${column} = $${params.length}`);
  }
  const visible = instanceVisibility(caller, 'process_instance_id', params);
  if (visible) conditions.push(visible);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
