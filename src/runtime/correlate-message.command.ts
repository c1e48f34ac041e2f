import { Injectable } from '@nestjs/common';
import { hasRole, SYSTEM_CALLER, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  parseVariables,
  toEngineValue,
  toEngineVariables,
  type StoredVariable,
} from '../common/variables/index.js';
import { AppConfig } from '../config/app-config.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import type { CorrelateMessageDto } from './dto/correlate-message.dto.js';
import {
  toProcessInstanceDto,
  toVariablesDto,
  type ProcessInstanceDto,
} from './dto/process-instance.dto.js';
import {
  EventSubscriptionRepository,
  type SubscriptionRow,
} from './event-subscription.repository.js';
import { UnitOfWork, type UnitOfWorkResult } from './unit-of-work.js';

/** Camunda's MessageCorrelationResultWithVariableDto: the execution or the started instance, never null. */
export interface MessageCorrelationResultDto {
  resultType: 'Execution' | 'ProcessDefinition';
  execution?: {
    id: string;
    processInstanceId: string;
    ended: boolean;
    tenantId: string | null;
  };
  processInstance?: ProcessInstanceDto;
  variables?: Record<string, unknown>;
}

/**
 * POST /message, as Camunda correlates: waiting executions (intermediate catch events, receive tasks,
 * message boundary events) matched by instance id, business key and correlation keys; otherwise a
 * message start event of the latest version. No match, or several without `all`, is a 400 and
 * nothing changes. Admins and integrations (workers) reach any waiting execution; everyone else only
 * executions of their own (a manager: their team's) instances — a match elsewhere counts as no
 * match, so the caller learns nothing. Message start events are open to every caller.
 */
@Injectable()
export class CorrelateMessageCommand {
  constructor(
    private readonly subscriptions: EventSubscriptionRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly definitions: DefinitionCache,
    private readonly config: AppConfig,
  ) {}

  async execute(
    body: CorrelateMessageDto,
    caller: CallerInfo,
  ): Promise<MessageCorrelationResultDto[]> {
    const limits = { maxValueBytes: this.config.maxVariableBytes };
    const variables = parseVariables(body.processVariables ?? {}, limits);
    const locals = parseVariables(body.processVariablesLocal ?? {}, limits);
    const keys = parseVariables(body.correlationKeys ?? {}, limits);
    const localKeys = parseVariables(body.localCorrelationKeys ?? {}, limits);
    const waiting = await this.subscriptions.findWaiting(
      'message',
      body.messageName,
      reach(caller),
      {
        instanceId: body.processInstanceId,
        businessKey: body.businessKey,
        correlationKeys: engineValues(keys),
        localCorrelationKeys: engineValues(localKeys),
      },
    );
    // As in Camunda, correlation keys and instance ids address waiting executions, never start events.
    const starts =
      body.processInstanceId === undefined && keys.size === 0 && localKeys.size === 0
        ? await this.subscriptions.findStartEvents('message', body.messageName)
        : [];
    const name = body.messageName;
    if (waiting.length === 0 && starts.length === 0) {
      throw mismatch(
        `Cannot correlate message '${name}': No process definition or execution matches the parameters`,
      );
    }
    if (!body.all && waiting.length + (waiting.length > 0 ? 0 : starts.length) > 1) {
      throw mismatch(
        `Cannot correlate message '${name}': ${waiting.length || starts.length} executions match the correlation keys`,
      );
    }
    const results: MessageCorrelationResultDto[] = [];
    const targets = body.all ? waiting : waiting.slice(0, 1);
    for (const subscription of targets) {
      results.push(
        await this.deliver(subscription, variables, locals, body.variablesInResultEnabled === true),
      );
    }
    if (waiting.length === 0) {
      for (const start of body.all ? starts : starts.slice(0, 1)) {
        results.push(
          await this.startBy(
            start,
            body.businessKey ?? null,
            variables,
            caller.userId,
            body.variablesInResultEnabled === true,
          ),
        );
      }
    }
    return results;
  }

  private async deliver(
    subscription: SubscriptionRow,
    variables: Map<string, StoredVariable>,
    locals: Map<string, StoredVariable>,
    withVariables: boolean,
  ): Promise<MessageCorrelationResultDto> {
    const result = await this.unitOfWork.onInstance(subscription.instance_id!, async (ctx) => {
      const wait = ctx.session.findWait(subscription.execution_id ?? '');
      if (!wait)
        throw mismatch(
          `Cannot correlate message: the execution ${subscription.execution_id} no longer waits for it`,
        );
      ctx.session.setVariables(toEngineVariables(variables));
      ctx.declare(variables);
      if (ctx.session.setLocalVariables(wait, toEngineVariables(locals))) ctx.declare(locals);
      await ctx.session.signal(wait);
    });
    return toResult('Execution', result, subscription.execution_id, withVariables);
  }

  private async startBy(
    start: SubscriptionRow,
    businessKey: string | null,
    variables: Map<string, StoredVariable>,
    userId: string | null,
    withVariables: boolean,
  ): Promise<MessageCorrelationResultDto> {
    const result = await this.unitOfWork.start({
      definition: await this.definitions.get(start.definition_id!),
      businessKey,
      variables,
      startUserId: userId,
      startEventId: start.activity_id,
    });
    return toResult('ProcessDefinition', result, null, withVariables);
  }
}

function toResult(
  type: MessageCorrelationResultDto['resultType'],
  result: UnitOfWorkResult<unknown>,
  executionId: string | null,
  withVariables: boolean,
): MessageCorrelationResultDto {
  const variables = withVariables ? { variables: toVariablesDto(result.variables) } : {};
  if (type === 'ProcessDefinition') {
    return {
      resultType: type,
      processInstance: toProcessInstanceDto(result.instance, result.ended),
      ...variables,
    };
  }
  const execution = {
    id: executionId ?? result.instance.id,
    processInstanceId: result.instance.id,
    ended: result.ended,
    tenantId: result.instance.tenant_id,
  };
  return { resultType: type, execution, ...variables };
}

/**
 * Whose waiting executions the caller's message may move on: admins and integrations any; everyone
 * else the instances they see, except that analysts, who read everything, operate nothing but their
 * own work.
 */
function reach(caller: CallerInfo): CallerInfo {
  if (hasRole(caller, 'admin', 'worker')) return SYSTEM_CALLER;
  return { ...caller, roles: new Set([...caller.roles].filter((role) => role !== 'analyst')) };
}

function engineValues(variables: Map<string, StoredVariable>): Map<string, unknown> {
  return new Map([...variables].map(([name, value]) => [name, toEngineValue(value)]));
}

function mismatch(message: string): ConveyorError {
  return new ConveyorError(
    ErrorCode.InvalidRequest,
    message,
    'MismatchingMessageCorrelationException',
  );
}
