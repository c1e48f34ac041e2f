import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import type { Page } from '../common/query/paging.dto.js';
import { WorkTracker } from '../common/work-tracker.js';
import { HistoryRepository } from '../history/history.repository.js';
import { ExecuteJobCommand } from './execute-job.command.js';
import { IncidentRepository } from './incident.repository.js';
import { JobRepository, type JobFilter, type JobRow } from './job.repository.js';

/**
 * /job for people: reads narrowed to the jobs of instances the caller may see, and an operator's
 * changes (retries, due date, run now) on those only. A job the caller may not see answers as a
 * missing one. Changes are recorded in the user operation log with the caller.
 */
@Injectable()
export class JobService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly incidents: IncidentRepository,
    private readonly executeJob: ExecuteJobCommand,
    private readonly history: HistoryRepository,
    private readonly dataSource: DataSource,
    private readonly work: WorkTracker,
    private readonly clock: Clock,
  ) {}

  list(caller: CallerInfo, filter: JobFilter, page: Page, order: string): Promise<JobRow[]> {
    return this.jobs.list(filter, page, caller, order);
  }

  count(caller: CallerInfo, filter: JobFilter): Promise<number> {
    return this.jobs.count(filter, caller);
  }

  async get(caller: CallerInfo, id: string): Promise<JobRow> {
    return (await this.jobs.findVisible(id, caller)) ?? notFound(id);
  }

  async stacktrace(caller: CallerInfo, id: string): Promise<string> {
    await this.get(caller, id);
    const trace = await this.jobs.stacktrace(id);
    if (!trace)
      throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} has no exception stacktrace`);
    return trace;
  }

  /** retries > 0 on a failed job resolves its incident: an operator's "retry". */
  setRetries(caller: CallerInfo, id: string, retries: number): Promise<void> {
    return this.change(caller, id, async (tx, job) => {
      await this.jobs.setRetries(tx, id, retries);
      if (retries > 0) await this.incidents.resolveForJob(tx, id);
      return {
        operationType: 'SetJobRetries',
        property: 'retries',
        from: job.retries,
        to: retries,
      };
    });
  }

  setDueDate(caller: CallerInfo, id: string, dueDate: Date | null): Promise<void> {
    return this.change(caller, id, async (tx, job) => {
      await this.jobs.setDueDate(tx, id, dueDate);
      return { operationType: 'SetDueDate', property: 'duedate', from: job.due_date, to: dueDate };
    });
  }

  /** Runs the job now (it runs in its own unit of work; the log entry follows its success). */
  async execute(caller: CallerInfo, id: string): Promise<void> {
    const job = await this.get(caller, id);
    await this.executeJob.execute(id);
    await this.work.run(() =>
      this.dataSource.transaction((tx) =>
        this.log(tx, caller, job, {
          operationType: 'Execute',
          property: null,
          from: null,
          to: null,
        }),
      ),
    );
  }

  private change(
    caller: CallerInfo,
    id: string,
    apply: (tx: EntityManager, job: JobRow) => Promise<JobChange>,
  ): Promise<void> {
    return this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        const job = (await this.jobs.findVisible(id, caller, tx)) ?? notFound(id);
        await this.log(tx, caller, job, await apply(tx, job));
      }),
    );
  }

  private log(
    tx: EntityManager,
    caller: CallerInfo,
    job: JobRow,
    change: JobChange,
  ): Promise<void> {
    return this.history.logOperation(
      tx,
      {
        operationType: change.operationType,
        entityType: 'Job',
        userId: caller.userId,
        instanceId: job.instance_id,
        definitionId: job.definition_id,
        definitionKey: job.definition_key,
        jobId: job.id,
        changes:
          change.property === null
            ? []
            : [{ property: change.property, orgValue: change.from, newValue: change.to }],
      },
      this.clock.now(),
    );
  }
}

interface JobChange {
  operationType: string;
  property: string | null;
  from: unknown;
  to: unknown;
}

function notFound(id: string): never {
  throw new ConveyorError(ErrorCode.NotFound, `Job with id ${id} does not exist`);
}
