import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { SerializedVariable } from '../common/variables/index.js';
import type { LockedExternalTaskDto } from '../jobs/external-task-worker.service.js';
import { NotificationOutboxRepository } from '../notifications/notification-outbox.repository.js';
import {
  NOTIFICATION_TOPIC,
  parseNotificationRequest,
} from '../notifications/notification-request.js';
import { plainValues, type BuiltInTopicWorker } from './builtin-topic-worker.js';
import { ExternalTaskVariables } from './external-task-variables.js';

/**
 * `conveyor.notification`: validates the task's inputs and records the notification in the outbox
 * (once per external task), then the task completes and the process moves on. Sending is the
 * dispatcher's job, so a slow or broken channel never holds a process up.
 */
@Injectable()
export class NotificationTaskWorker implements BuiltInTopicWorker {
  readonly topic = NOTIFICATION_TOPIC;

  constructor(
    private readonly visible: ExternalTaskVariables,
    private readonly outbox: NotificationOutboxRepository,
    private readonly clock: Clock,
  ) {}

  async handle(task: LockedExternalTaskDto): Promise<Record<string, SerializedVariable>> {
    const request = parseNotificationRequest(plainValues(await this.visible.visibleTo(task)));
    await this.outbox.insertOnce(task.id, task.processInstanceId, request, this.clock.now());
    return {};
  }
}
