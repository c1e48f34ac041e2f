import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../notification-request.js';
import type { OutboxStatus } from '../notification-outbox.repository.js';

/** Whose notifications: until sign-in exists the user comes from ?userId= (the signed-in caller wins). */
export class NotificationUserQueryDto {
  @IsOptional() @IsString() @MaxLength(64) userId?: string;
}

export class NotificationCountQueryDto extends NotificationUserQueryDto {
  @OptionalBooleanParam() unread?: boolean;
}

/** GET /api/notifications: newest first, paged. */
export class NotificationQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() @MaxLength(64) userId?: string;
  @OptionalBooleanParam() unread?: boolean;
}

export class NotificationLogCountQueryDto {
  @IsOptional() @IsIn(['pending', 'sent', 'failed']) status?: OutboxStatus;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsIn(NOTIFICATION_CHANNELS) channel?: NotificationChannel;
}

/** GET /api/notification-log: the outbox, newest first, paged. */
export class NotificationLogQueryDto extends PagingQueryDto {
  @IsOptional() @IsIn(['pending', 'sent', 'failed']) status?: OutboxStatus;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsIn(NOTIFICATION_CHANNELS) channel?: NotificationChannel;
}
