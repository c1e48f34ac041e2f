import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { Page } from '../common/query/paging.dto.js';
import { WorkTracker } from '../common/work-tracker.js';
import { HistoryRepository } from '../history/history.repository.js';
import {
  ExternalTaskRepository,
  type ExternalTaskFilter,
  type ExternalTaskRow,
} from './external-task.repository.js';
import { IncidentRepository } from './incident.repository.js';

/**
 * The read side of /external-task and the operator's retry. Workers (integrations) see every task;
 * others the tasks of instances they may see. A task the caller may not see answers as a missing
 * one. The worker protocol itself (fetch and lock, complete, …) is ExternalTaskWorkerService.
 */
@Injectable()
export class ExternalTaskService {
  constructor(
    private readonly tasks: ExternalTaskRepository,
    private readonly incidents: IncidentRepository,
    private readonly history: HistoryRepository,
    private readonly dataSource: DataSource,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
  ) {}

  list(
    caller: CallerInfo,
    filter: ExternalTaskFilter,
    page: Page,
    order: string,
  ): Promise<ExternalTaskRow[]> {
    return this.tasks.list(filter, page, this.clock.now(), caller, order);
  }

  count(caller: CallerInfo, filter: ExternalTaskFilter): Promise<number> {
    return this.tasks.count(filter, this.clock.now(), caller);
  }

  async get(caller: CallerInfo, id: string): Promise<ExternalTaskRow> {
    return (await this.tasks.findVisible(id, caller)) ?? notFound(id);
  }

  /** An operator's retry after an incident: retries > 0 resolves the incident. */
  async setRetries(caller: CallerInfo, id: string, retries: number): Promise<void> {
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        const task = (await this.tasks.findVisible(id, caller, tx)) ?? notFound(id);
        await this.tasks.update(tx, id, { retries });
        if (retries > 0) await this.incidents.resolveForExternalTask(tx, id);
        await this.history.logOperation(
          tx,
          {
            operationType: 'SetExternalTaskRetries',
            entityType: 'ExternalTask',
            userId: caller.userId,
            instanceId: task.instance_id,
            definitionId: task.definition_id,
            definitionKey: task.definition_key,
            changes: [{ property: 'retries', orgValue: task.retries, newValue: retries }],
          },
          this.clock.now(),
        );
      }),
    );
  }
}

function notFound(id: string): never {
  throw new ConveyorError(ErrorCode.NotFound, `External task with id ${id} does not exist`);
}
