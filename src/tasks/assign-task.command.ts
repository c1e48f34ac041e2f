import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { WorkTracker } from '../common/work-tracker.js';
import { HistoryRepository } from '../history/history.repository.js';
import { assertMayChange, type TaskChange } from './task-access.js';
import { TaskRepository, type TaskRow } from './task.repository.js';

type Change = Partial<Pick<TaskRow, 'assignee' | 'owner' | 'delegation_state'>>;

/**
 * Claim, unclaim, set assignee, delegate: guarded changes of who works on a task, logged with the
 * caller. A task the caller may not see is missing to them (404); one they see but may not change
 * this way is 403 (rules in task-access.ts), checked on the locked row.
 */
@Injectable()
export class AssignTaskCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly history: HistoryRepository,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
  ) {}

  claim(taskId: string, userId: string, caller: CallerInfo): Promise<void> {
    return this.change(taskId, caller, 'Claim', { kind: 'claim', userId }, (task) => {
      if (task.assignee && task.assignee !== userId) {
        throw new ConveyorError(
          ErrorCode.InvalidRequest,
          `Cannot claim task '${taskId}': task is already claimed by someone else.`,
          'TaskAlreadyClaimedException',
        );
      }
      return { assignee: userId };
    });
  }

  unclaim(taskId: string, caller: CallerInfo): Promise<void> {
    return this.change(taskId, caller, 'Claim', { kind: 'unclaim' }, () => ({ assignee: null }));
  }

  setAssignee(taskId: string, userId: string | null, caller: CallerInfo): Promise<void> {
    return this.change(taskId, caller, 'Assign', { kind: 'assign', userId }, () => ({
      assignee: userId,
    }));
  }

  delegate(taskId: string, userId: string, caller: CallerInfo): Promise<void> {
    return this.change(taskId, caller, 'Delegate', { kind: 'delegate', userId }, (task) => ({
      owner: task.owner ?? task.assignee,
      assignee: userId,
      delegation_state: 'PENDING',
    }));
  }

  /** Runs a change on a locked task row inside an existing transaction (resolve uses it in a unit of work). */
  async applyIn(
    tx: EntityManager,
    task: TaskRow,
    caller: CallerInfo,
    operation: string,
    change: Change,
  ): Promise<void> {
    await this.tasks.update(tx, task.id, change);
    await this.history.updateTask(tx, task.id, { assignee: change.assignee, owner: change.owner });
    await this.history.logOperation(
      tx,
      {
        operationType: operation,
        entityType: 'Task',
        userId: caller.userId,
        taskId: task.id,
        instanceId: task.instance_id,
        definitionId: task.definition_id,
        definitionKey: task.definition_key,
        changes: Object.entries(change).map(([column, value]) => ({
          property: PROPERTY[column] ?? column,
          orgValue: task[column as keyof Change],
          newValue: value,
        })),
      },
      this.clock.now(),
    );
  }

  private change(
    taskId: string,
    caller: CallerInfo,
    operation: string,
    requested: TaskChange,
    decide: (task: TaskRow) => Change,
  ): Promise<void> {
    return this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        const found = await this.tasks.findWithAccess(taskId, caller, { tx, lock: true });
        if (!found?.access.visible) throw taskNotFound(taskId);
        assertMayChange(caller, found.task, found.access, requested);
        await this.applyIn(tx, found.task, caller, operation, decide(found.task));
      }),
    );
  }
}

/** What the task commands answer for a missing task, and for one the caller may not see. */
export function taskNotFound(taskId: string): ConveyorError {
  return new ConveyorError(ErrorCode.NotFound, `Cannot find task with id ${taskId}`);
}

const PROPERTY: Record<string, string> = {
  assignee: 'assignee',
  owner: 'owner',
  delegation_state: 'delegation',
};
