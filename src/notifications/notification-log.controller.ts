import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { Access } from '../auth/access.decorator.js';
import { Controller, Get, Query } from '@nestjs/common';
import type { CountDto } from '../common/query/count.dto.js';
import {
  NotificationLogCountQueryDto,
  NotificationLogQueryDto,
} from './dto/notification-query.dto.js';
import type { NotificationLogEntryDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** /api/notification-log: every notification of the outbox — sent, pending or failed, with its attempts and last error. */
@Access('admin', 'analyst', 'manager')
@Controller('api/notification-log')
export class NotificationLogController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(
    @Query() query: NotificationLogQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<NotificationLogEntryDto[]> {
    return this.notifications.log(query, caller);
  }

  @Get('count')
  count(
    @Query() query: NotificationLogCountQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<CountDto> {
    return this.notifications.logCount(query, caller);
  }
}
