import type { NotificationChannel } from '../notification-request.js';
import type { OutboxRow, OutboxStatus } from '../notification-outbox.repository.js';
import type { NotificationRow } from '../notification.repository.js';

/** An in-app notification of GET /api/notifications. Dates are ISO 8601. */
export interface NotificationDto {
  id: string;
  userId: string;
  title: string | null;
  text: string;
  processInstanceId: string | null;
  taskId: string | null;
  created: string;
  readAt: string | null;
  read: boolean;
}

export function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    userId: row.user_id,
    title: row.title,
    text: row.text,
    processInstanceId: row.process_instance_id,
    taskId: row.task_id,
    created: row.created.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    read: row.read_at !== null,
  };
}

/** An entry of GET /api/notification-log: what was (or is to be) sent, when, and how it went. */
export interface NotificationLogEntryDto {
  id: string;
  externalTaskId: string;
  processInstanceId: string | null;
  channel: NotificationChannel;
  recipient: string | null;
  recipientGroup: string | null;
  subject: string | null;
  text: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  created: string;
  sentAt: string | null;
}

export function toNotificationLogEntryDto(row: OutboxRow): NotificationLogEntryDto {
  return {
    id: row.id,
    externalTaskId: row.external_task_id,
    processInstanceId: row.process_instance_id,
    channel: row.channel,
    recipient: row.recipient,
    recipientGroup: row.recipient_group,
    subject: row.subject,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastError: row.last_error,
    created: row.created.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
