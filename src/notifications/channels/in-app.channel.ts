import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationOutboxRepository, type OutboxRow } from '../notification-outbox.repository.js';
import { NotificationRepository } from '../notification.repository.js';

/**
 * In-app notifications: a notification row for the user, or for each member of the group. Rows
 * and the outbox row's "sent" commit together, and each user gets at most one per outbox row.
 */
@Injectable()
export class InAppChannel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly outbox: NotificationOutboxRepository,
  ) {}

  /** Delivers and marks the row sent in one transaction. */
  async deliver(row: OutboxRow, owner: string, now: Date): Promise<void> {
    const userIds = await this.recipientsOf(row);
    await this.dataSource.transaction(async (tx) => {
      await this.notifications.insertForUsers(tx, userIds, {
        outboxId: row.id,
        title: row.subject,
        text: row.text,
        processInstanceId: row.process_instance_id,
        created: now,
      });
      await this.outbox.markSent(row.id, owner, now, tx);
    });
  }

  private async recipientsOf(row: OutboxRow): Promise<string[]> {
    if (row.recipient_group) {
      const members = await this.notifications.groupMembers(row.recipient_group);
      if (members === null) throw new Error(`There is no group '${row.recipient_group}'`);
      if (members.length === 0) throw new Error(`Group '${row.recipient_group}' has no members`);
      return members;
    }
    const userId = row.recipient ?? '';
    if (!(await this.notifications.userExists(userId))) {
      throw new Error(`There is no user '${userId}'`);
    }
    return [userId];
  }
}
