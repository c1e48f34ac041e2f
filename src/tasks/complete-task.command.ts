import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  parseVariables,
  toEngineVariables,
  type StoredVariable,
} from '../common/variables/index.js';
import { AppConfig } from '../config/app-config.js';
import { HistoryRepository } from '../history/history.repository.js';
import { UnitOfWork } from '../runtime/unit-of-work.js';
import { VariableRepository } from '../runtime/variable.repository.js';
import { AssignTaskCommand, taskNotFound } from './assign-task.command.js';
import { assertValidSubmission, normalizeFormSubmission } from './forms/index.js';
import { assertMayChange } from './task-access.js';
import { TaskFormService } from './task-form.service.js';
import { TaskRepository, type TaskRow } from './task.repository.js';

/**
 * Completes a user task: the submitted variables are validated against the task's form first (any
 * violation → 400 naming each field, nothing changed), then set on the process and the task's
 * wait state is signalled, all in the instance's unit of work. Who may complete or resolve is
 * checked before the form (a hidden task reveals nothing) and again on the locked row.
 */
@Injectable()
export class CompleteTaskCommand {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly forms: TaskFormService,
    private readonly variables: VariableRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly history: HistoryRepository,
    private readonly assign: AssignTaskCommand,
    private readonly config: AppConfig,
  ) {}

  /** Returns the instance's variables after completion (for withVariablesInReturn). */
  async complete(
    taskId: string,
    rawVariables: unknown,
    caller: CallerInfo,
  ): Promise<Map<string, StoredVariable>> {
    return this.run(taskId, rawVariables, caller, 'complete');
  }

  /** Resolves a delegated task: back to its owner, with the submitted variables set. */
  async resolve(taskId: string, rawVariables: unknown, caller: CallerInfo): Promise<void> {
    await this.run(taskId, rawVariables, caller, 'resolve');
  }

  private async run(
    taskId: string,
    rawVariables: unknown,
    caller: CallerInfo,
    action: 'complete' | 'resolve',
  ): Promise<Map<string, StoredVariable>> {
    const submitted = parseVariables(rawVariables ?? {}, {
      maxValueBytes: this.config.maxVariableBytes,
    });
    const task = await this.authorized(taskId, caller, action);
    const fields = await this.forms.fieldsOf(task);
    let variables = submitted;
    if (action === 'complete' && fields.length > 0) {
      const current = toEngineVariables(await this.variables.loadOutside(task.instance_id));
      assertValidSubmission(fields, submitted, current, this.forms.optionsFor(current));
      variables = normalizeFormSubmission(fields, submitted);
    }
    const result = await this.unitOfWork.onInstance(task.instance_id, async (ctx) => {
      const locked = await this.authorized(taskId, caller, action, ctx.tx);
      ctx.session.setVariables(toEngineVariables(variables));
      ctx.declare(variables);
      if (action === 'resolve') {
        await this.assign.applyIn(ctx.tx, locked, caller, 'Resolve', {
          assignee: locked.owner,
          delegation_state: 'RESOLVED',
        });
        return;
      }
      const wait = ctx.session.findWait(locked.execution_id);
      if (!wait) {
        throw new ConveyorError(
          ErrorCode.Conflict,
          `Task ${taskId} is no longer waiting in its process instance`,
        );
      }
      ctx.completedTask(taskId);
      await this.history.logOperation(
        ctx.tx,
        {
          operationType: 'Complete',
          entityType: 'Task',
          userId: caller.userId,
          taskId,
          instanceId: locked.instance_id,
          definitionId: locked.definition_id,
          definitionKey: locked.definition_key,
          changes: [{ property: 'delete', orgValue: false, newValue: true }],
        },
        ctx.now,
      );
      await ctx.session.signal(wait);
    });
    return result.variables;
  }

  /** The task, if the caller may see it (else 404) and complete or resolve it (else 403). */
  private async authorized(
    taskId: string,
    caller: CallerInfo,
    action: 'complete' | 'resolve',
    tx?: EntityManager,
  ): Promise<TaskRow> {
    const found = await this.tasks.findWithAccess(taskId, caller, { tx, lock: tx !== undefined });
    if (!found?.access.visible) throw taskNotFound(taskId);
    assertMayChange(caller, found.task, found.access, { kind: action });
    return found.task;
  }
}
