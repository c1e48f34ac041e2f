import { Module } from '@nestjs/common';
import { EmailChannel } from './channels/email.channel.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { SmsChannel } from './channels/sms.channel.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';
import { NotificationLogController } from './notification-log.controller.js';
import { NotificationOutboxRepository } from './notification-outbox.repository.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  controllers: [NotificationsController, NotificationLogController],
  providers: [
    NotificationOutboxRepository,
    NotificationRepository,
    NotificationDispatcher,
    NotificationsService,
    EmailChannel,
    SmsChannel,
    InAppChannel,
  ],
  exports: [NotificationOutboxRepository, NotificationDispatcher],
})
export class NotificationsModule {}
