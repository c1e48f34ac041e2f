import { Injectable } from '@nestjs/common';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  assertVariableName,
  toEngineVariables,
  type StoredVariable,
} from '../common/variables/index.js';
import { HistoryRepository } from '../history/history.repository.js';
import { InstanceRepository } from './instance.repository.js';
import { instanceNotFound } from './process-instance.service.js';
import { UnitOfWork } from './unit-of-work.js';
import { VariableRepository } from './variable.repository.js';

/**
 * Sets and removes process variables of a running instance, in its unit of work (the engine sees
 * them at once). Only on an instance the caller may see (a manager: their team's work); any other
 * is a 404, checked before anything about its variables is told.
 */
@Injectable()
export class SetVariablesCommand {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly history: HistoryRepository,
    private readonly variables: VariableRepository,
    private readonly instances: InstanceRepository,
  ) {}

  async execute(
    instanceId: string,
    modifications: Map<string, StoredVariable>,
    deletions: string[],
    caller: CallerInfo,
  ): Promise<void> {
    deletions.forEach((name) => assertVariableName(name));
    await this.unitOfWork.onInstance(instanceId, async (ctx) => {
      if (!(await this.instances.isVisible(instanceId, caller, ctx.tx))) {
        throw instanceNotFound(instanceId);
      }
      for (const name of deletions) {
        if (!(name in ctx.session.variables()) && !modifications.has(name)) continue;
        ctx.session.removeVariable(name);
      }
      ctx.session.setVariables(toEngineVariables(modifications));
      ctx.declare(modifications);
      await this.history.logOperation(
        ctx.tx,
        {
          operationType:
            deletions.length && !modifications.size
              ? 'RemoveVariable'
              : 'ModifyProcessInstanceVariables',
          entityType: 'Variable',
          userId: caller.userId,
          instanceId,
          definitionId: ctx.instance.definition_id,
          definitionKey: ctx.instance.definition_key,
          changes: [...modifications.keys(), ...deletions].map((name) => ({
            property: 'name',
            orgValue: null,
            newValue: name,
          })),
        },
        ctx.now,
      );
    });
  }

  async remove(instanceId: string, name: string, caller: CallerInfo): Promise<void> {
    if (!(await this.instances.isVisible(instanceId, caller))) throw instanceNotFound(instanceId);
    const existing = await this.variables.loadOutside(instanceId);
    if (!existing.has(name)) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Variable ${name} does not exist in process instance ${instanceId}`,
      );
    }
    await this.execute(instanceId, new Map(), [name], caller);
  }
}
