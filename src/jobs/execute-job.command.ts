import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { WorkTracker } from '../common/work-tracker.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import { nextDueDate } from '../engine/timers/next-due-date.js';
import { parseTimerDefinition, type TimerKind } from '../engine/timers/timer-definition.js';
import { UnitOfWork } from '../runtime/unit-of-work.js';
import { IncidentRepository } from './incident.repository.js';
import { JobRepository, type JobRow } from './job.repository.js';

/**
 * Runs a job now: fires an instance's timer in its unit of work, or starts an instance for a timer
 * start event and schedules the next occurrence of a cycle. A timer that no longer waits (its
 * activity was left) does nothing; the unit of work removes its stale row.
 */
@Injectable()
export class ExecuteJobCommand {
  constructor(
    private readonly jobs: JobRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly definitions: DefinitionCache,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly work: WorkTracker,
    private readonly incidents: IncidentRepository,
  ) {}

  async execute(jobId: string): Promise<void> {
    const job = await this.jobs.findById(jobId);
    if (!job) throw new ConveyorError(ErrorCode.NotFound, `Job with id ${jobId} does not exist`);
    await this.run(job);
  }

  /**
   * Runs a job already read (the job executor claimed it, or read it as it renewed its lease).
   * Returns whether the job's row may still exist: not when its instance ended (its jobs and
   * incidents went with it), nor for a timer start event (rescheduled unlocked, or deleted).
   */
  async run(job: JobRow): Promise<boolean> {
    if (job.type === 'timer-start') {
      await this.startByTimer(job);
      return false;
    }
    if (!job.instance_id) return true;
    const { ended } = await this.runOnInstance(job, job.instance_id);
    return !ended;
  }

  private runOnInstance(job: JobRow, instanceId: string) {
    return this.unitOfWork.onInstance(instanceId, async (ctx) => {
      if (job.type === 'async-continuation') {
        const wait = ctx.session.findWait(job.execution_id ?? '');
        if (wait) await ctx.session.signal(wait);
      } else {
        await ctx.session.fireTimer(job.execution_id ?? '');
      }
      // It ran: an incident of an earlier failure is over, in the same transaction. Only a
      // recorded failure makes one.
      if (job.exception_message !== null) await this.incidents.resolveForJob(ctx.tx, job.id);
    });
  }

  private async startByTimer(job: JobRow): Promise<void> {
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        await this.unitOfWork.start(
          {
            definition: await this.definitions.get(job.definition_id!, tx),
            businessKey: null,
            variables: new Map(),
            startUserId: null,
            startEventId: job.activity_id ?? undefined,
          },
          tx,
        );
        const { kind, text, fired } = job.handler as {
          kind: TimerKind;
          text: string;
          fired: number;
        };
        const next =
          kind === 'timeCycle'
            ? nextDueDate(
                parseTimerDefinition(kind, text),
                job.due_date ?? this.clock.now(),
                fired + 1,
              )
            : null;
        if (next) await this.jobs.reschedule(tx, job.id, next, { kind, text, fired: fired + 1 });
        else await this.jobs.delete(tx, [job.id]);
      }),
    );
  }
}
