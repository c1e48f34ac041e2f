import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { WorkTracker } from '../common/work-tracker.js';
import { HistoryRepository } from '../history/history.repository.js';
import { TaskRepository } from '../tasks/task.repository.js';
import { InstanceRepository } from './instance.repository.js';
import { instanceNotFound } from './process-instance.service.js';

/**
 * DELETE /process-instance/{id}: ends the instance and its called children; history records who and
 * why. Only an instance the caller may see (a manager: their team's work); any other is a 404.
 */
@Injectable()
export class CancelInstanceCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly history: HistoryRepository,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
  ) {}

  execute(id: string, caller: CallerInfo, reason: string | null): Promise<void> {
    return this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        const allowed = await this.instances.isVisible(id, caller, tx);
        if (
          !allowed ||
          !(await this.cancel(tx, id, caller.userId, reason ?? 'Cancelled via REST'))
        ) {
          throw instanceNotFound(id);
        }
      }),
    );
  }

  /** Cancels inside an existing transaction; false when the instance does not exist (any more). */
  async cancel(
    tx: EntityManager,
    id: string,
    userId: string | null,
    reason: string,
  ): Promise<boolean> {
    const instance = await this.instances.lock(tx, id);
    if (!instance) return false;
    for (const child of await this.instances.childrenOf(tx, id))
      await this.cancel(tx, child, userId, reason);
    const now = this.clock.now();
    for (const task of await this.tasks.byInstance(tx, id))
      await this.history.endTask(tx, task.id, now, 'deleted');
    await this.history.endInstance(tx, id, {
      state: 'EXTERNALLY_TERMINATED',
      endTime: now,
      deleteReason: reason,
    });
    await this.history.logOperation(
      tx,
      {
        operationType: 'Delete',
        entityType: 'ProcessInstance',
        userId,
        instanceId: id,
        definitionId: instance.definition_id,
        definitionKey: instance.definition_key,
        changes: [],
      },
      now,
    );
    await this.instances.delete(tx, id);
    return true;
  }
}
