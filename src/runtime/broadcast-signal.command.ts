import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { parseVariables, toEngineVariables } from '../common/variables/index.js';
import { AppConfig } from '../config/app-config.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import type { SignalDto } from './dto/signal.dto.js';
import { EventSubscriptionRepository } from './event-subscription.repository.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * POST /signal: a signal is a broadcast. Every execution waiting for it continues (each in its own
 * unit of work) and every signal start event starts an instance; nobody listening is no error.
 * The broadcast reaches only the waiting executions of instances the caller may see (a manager:
 * their team's work; an execution id outside it is "does not wait"). Start events fire for every
 * caller the route lets in, as message start events do: a new instance touches nobody's work, and
 * records the caller as its start user.
 */
@Injectable()
export class BroadcastSignalCommand {
  constructor(
    private readonly subscriptions: EventSubscriptionRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly definitions: DefinitionCache,
    private readonly config: AppConfig,
  ) {}

  async execute(body: SignalDto, caller: CallerInfo): Promise<void> {
    const variables = parseVariables(body.variables ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const waiting = (await this.subscriptions.findWaiting('signal', body.name, caller)).filter(
      (s) => body.executionId === undefined || s.execution_id === body.executionId,
    );
    if (body.executionId !== undefined && waiting.length === 0) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `Cannot deliver signal '${body.name}': execution ${body.executionId} does not wait for it`,
      );
    }
    for (const subscription of waiting) {
      await this.unitOfWork.onInstance(subscription.instance_id!, async (ctx) => {
        const wait = ctx.session.findWait(subscription.execution_id ?? '');
        if (!wait) return; // left meanwhile: the broadcast simply missed it
        ctx.session.setVariables(toEngineVariables(variables));
        ctx.declare(variables);
        await ctx.session.signal(wait);
      });
    }
    if (body.executionId !== undefined) return;
    for (const start of await this.subscriptions.findStartEvents('signal', body.name)) {
      await this.unitOfWork.start({
        definition: await this.definitions.get(start.definition_id!),
        businessKey: null,
        variables,
        startUserId: caller.userId,
        startEventId: start.activity_id,
      });
    }
  }
}
