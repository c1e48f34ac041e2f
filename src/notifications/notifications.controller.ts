import { AnyUser } from '../auth/access.decorator.js';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import type { CountDto } from '../common/query/count.dto.js';
import {
  NotificationCountQueryDto,
  NotificationQueryDto,
  NotificationUserQueryDto,
} from './dto/notification-query.dto.js';
import type { NotificationDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** /api/notifications: a user's in-app notifications (web app; not part of Camunda's API). */
@AnyUser()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(
    @Query() query: NotificationQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<NotificationDto[]> {
    return this.notifications.list(caller, query);
  }

  @Get('count')
  count(
    @Query() query: NotificationCountQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<CountDto> {
    return this.notifications.count(caller, query);
  }

  @Post(':id/read')
  @HttpCode(204)
  markRead(
    @Param('id') id: string,
    @Query() query: NotificationUserQueryDto,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    return this.notifications.markRead(id, caller, query);
  }
}
