import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  inferVariable,
  toEngineVariables,
  type StoredVariable,
} from '../common/variables/index.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import { DefinitionsRepository } from '../definitions/definitions.repository.js';
import { engineExpressions } from '../engine/engine-expressions.js';
import type { Wait } from '../engine/waiting-tree.js';
import { Clock } from '../common/clock.js';
import { HistoryRepository } from '../history/history.repository.js';
import { businessKeyMapping, callActivitySpec, mapVariables } from './call-activity-mappings.js';
import { InstanceRepository, type InstanceRow } from './instance.repository.js';
import type { StartRequest, UnitOfWorkResult, CommandContext } from './unit-of-work.js';

/** The two unit-of-work entry points the orchestrator drives (passed in to avoid a dependency cycle). */
export interface UnitOfWorkPort {
  start(request: StartRequest, tx?: EntityManager): Promise<UnitOfWorkResult<null>>;
  onInstance<T>(
    instanceId: string,
    command: (ctx: CommandContext) => Promise<T>,
    tx?: EntityManager,
  ): Promise<UnitOfWorkResult<T>>;
}

/**
 * Call activities into another deployed definition (DESIGN.md §3): the child is its own instance,
 * started in the parent's transaction with the camunda:in variables; when it ends, the parent's call
 * activity is signalled with the camunda:out variables.
 */
@Injectable()
export class CallActivityOrchestrator {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly definitions: DefinitionsRepository,
    private readonly cache: DefinitionCache,
    private readonly clock: Clock,
    private readonly history: HistoryRepository,
  ) {}

  async startChildren(
    uow: UnitOfWorkPort,
    tx: EntityManager,
    parent: InstanceRow,
    waits: Wait[],
    variables: Map<string, StoredVariable>,
  ): Promise<void> {
    for (const wait of waits) {
      if (await this.instances.childOf(tx, parent.id, wait.executionId)) continue;
      const spec = callActivitySpec(wait);
      const definition = await this.definitions.findLatestDefinition(spec.calledElement, tx);
      if (!definition) {
        throw new ConveyorError(
          ErrorCode.InvalidRequest,
          `Call activity '${wait.activityId}' calls process '${spec.calledElement}', which is not deployed`,
        );
      }
      const evaluate = this.evaluator(variables);
      const keyExpression = businessKeyMapping(spec.inputs);
      const child = await uow.start(
        {
          definition: await this.cache.get(definition.id, tx),
          businessKey: keyExpression ? String(evaluate(keyExpression).value) : null,
          variables: mapVariables(spec.inputs, variables, evaluate),
          startUserId: parent.start_user_id,
          superInstanceId: parent.id,
          superExecutionId: wait.executionId,
        },
        tx,
      );
      await this.history.linkCalledInstance(tx, parent.id, wait.executionId, child.instance.id);
    }
  }

  /** The child ended: continue the parent at its call activity with the mapped variables. */
  async completeParent(
    uow: UnitOfWorkPort,
    tx: EntityManager,
    child: InstanceRow,
    childVariables: Map<string, StoredVariable>,
  ): Promise<void> {
    if (!child.super_instance_id || !child.super_execution_id) return;
    const executionId = child.super_execution_id;
    await uow.onInstance(
      child.super_instance_id,
      async (ctx) => {
        const wait = ctx.session.findWait(executionId);
        if (!wait) return; // the call activity was interrupted meanwhile (e.g. a boundary timer)
        const out = mapVariables(
          callActivitySpec(wait).outputs,
          childVariables,
          this.evaluator(childVariables),
        );
        ctx.session.setVariables(toEngineVariables(out));
        ctx.declare(out);
        await ctx.session.signal(wait);
      },
      tx,
    );
  }

  private evaluator(
    variables: Map<string, StoredVariable>,
  ): (expression: string) => StoredVariable {
    const expressions = engineExpressions(() => this.clock.now());
    const context = { environment: { variables: toEngineVariables(variables) } };
    return (expression) => inferVariable(expressions.resolveExpression(expression, context));
  }
}
