import { Injectable } from '@nestjs/common';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  assertVariableName,
  toEngineVariables,
  type StoredVariable,
} from '../common/variables/index.js';
import { HistoryRepository } from '../history/history.repository.js';
import { UnitOfWork } from './unit-of-work.js';
import { VariableRepository } from './variable.repository.js';

/** Sets and removes process variables of a running instance, in its unit of work (the engine sees them at once). */
@Injectable()
export class SetVariablesCommand {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly history: HistoryRepository,
    private readonly variables: VariableRepository,
  ) {}

  async execute(
    instanceId: string,
    modifications: Map<string, StoredVariable>,
    deletions: string[],
    userId: string | null,
  ): Promise<void> {
    deletions.forEach((name) => assertVariableName(name));
    await this.unitOfWork.onInstance(instanceId, async (ctx) => {
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
          userId,
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

  async remove(instanceId: string, name: string, userId: string | null): Promise<void> {
    const existing = await this.variables.loadOutside(instanceId);
    if (!existing.has(name)) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Variable ${name} does not exist in process instance ${instanceId}`,
      );
    }
    await this.execute(instanceId, new Map(), [name], userId);
  }
}
