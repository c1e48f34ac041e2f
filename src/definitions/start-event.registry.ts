import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { nextDueDate } from '../engine/timers/next-due-date.js';
import {
  isTimerExpression,
  parseTimerDefinition,
  type TimerKind,
} from '../engine/timers/timer-definition.js';
import { JobRepository } from '../jobs/job.repository.js';
import { EventSubscriptionRepository } from '../runtime/event-subscription.repository.js';
import type { ProcessDefinitionEntity } from './process-definition.entity.js';

export interface StartEventInfo {
  id: string;
  /** none, message, timer or signal (other kinds are refused at deployment). */
  type: string;
  messageName?: string;
  signalName?: string;
  timer?: { kind: TimerKind; text: string };
}

/**
 * Message, signal and timer start events of the newest version of each process key: a message start
 * event is a definition-level subscription, a timer start event a job. Deploying a new version
 * replaces the previous version's, as in Camunda.
 */
@Injectable()
export class StartEventRegistry {
  constructor(
    private readonly subscriptions: EventSubscriptionRepository,
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
  ) {}

  async register(
    tx: EntityManager,
    definition: ProcessDefinitionEntity,
    startEvents: StartEventInfo[],
  ): Promise<void> {
    await this.subscriptions.deleteStartSubscriptionsOfKey(tx, definition.key);
    await this.jobs.deleteStartTimersOfKey(tx, definition.key);
    const now = this.clock.now();
    for (const event of startEvents) {
      const name =
        event.type === 'message'
          ? event.messageName
          : event.type === 'signal'
            ? event.signalName
            : undefined;
      if (name) {
        await this.subscriptions.insert(tx, {
          id: randomUUID(),
          type: event.type as 'message' | 'signal',
          event_name: name,
          instance_id: null,
          definition_id: definition.id,
          activity_id: event.id,
          execution_id: null,
          local_variables: null,
          created: now,
        });
      }
      if (event.type === 'timer' && event.timer && !isTimerExpression(event.timer.text)) {
        const due = nextDueDate(parseTimerDefinition(event.timer.kind, event.timer.text), now);
        if (!due) continue;
        await this.jobs.insert(tx, {
          id: randomUUID(),
          type: 'timer-start',
          instance_id: null,
          definition_id: definition.id,
          definition_key: definition.key,
          activity_id: event.id,
          execution_id: null,
          due_date: due,
          handler: { kind: event.timer.kind, text: event.timer.text, fired: 0 },
          created: now,
        });
      }
    }
  }
}
