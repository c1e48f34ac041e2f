import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import type { CountDto } from '../common/query/count.dto.js';
import type {
  NotificationCountQueryDto,
  NotificationLogCountQueryDto,
  NotificationLogQueryDto,
  NotificationQueryDto,
  NotificationUserQueryDto,
} from './dto/notification-query.dto.js';
import {
  toNotificationDto,
  toNotificationLogEntryDto,
  type NotificationDto,
  type NotificationLogEntryDto,
} from './dto/notification.dto.js';
import { NotificationOutboxRepository } from './notification-outbox.repository.js';
import { NotificationRepository } from './notification.repository.js';

/** The read side of notifications: a user's in-app notifications and the delivery log. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly clock: Clock,
  ) {}

  async list(caller: CallerInfo, query: NotificationQueryDto): Promise<NotificationDto[]> {
    const filter = { userId: whose(caller, query.userId), unread: query.unread };
    return (await this.notifications.list(filter, toPage(query))).map(toNotificationDto);
  }

  async count(caller: CallerInfo, query: NotificationCountQueryDto): Promise<CountDto> {
    const filter = { userId: whose(caller, query.userId), unread: query.unread };
    return { count: await this.notifications.count(filter) };
  }

  async markRead(id: string, caller: CallerInfo, query: NotificationUserQueryDto): Promise<void> {
    const userId = whose(caller, query.userId);
    if (!(await this.notifications.markRead(id, userId, this.clock.now()))) {
      throw new ConveyorError(ErrorCode.NotFound, `Notification with id ${id} does not exist`);
    }
  }

  async log(
    query: NotificationLogQueryDto,
    caller: CallerInfo,
  ): Promise<NotificationLogEntryDto[]> {
    const filter = {
      status: query.status,
      processInstanceId: query.processInstanceId,
      channel: query.channel,
    };
    return (await this.outbox.list(filter, caller, toPage(query))).map(toNotificationLogEntryDto);
  }

  async logCount(query: NotificationLogCountQueryDto, caller: CallerInfo): Promise<CountDto> {
    return { count: await this.outbox.count(query, caller) };
  }
}

/**
 * Whose notifications: the caller's own, or (for an admin, or a manager about their team) the
 * user named by ?userId=.
 */
function whose(caller: CallerInfo, requested: string | undefined): string {
  const own = caller.userId;
  if (requested === undefined || requested === own) {
    if (!own)
      throw new ConveyorError(ErrorCode.InvalidRequest, 'Whose notifications? Pass userId.');
    return own;
  }
  const team = caller.roles.has('manager') && caller.teamUserIds.includes(requested);
  if (caller.roles.has('admin') || team) return requested;
  throw new ConveyorError(
    ErrorCode.Forbidden,
    `The user with id '${own}' may not read the notifications of '${requested}'`,
  );
}
